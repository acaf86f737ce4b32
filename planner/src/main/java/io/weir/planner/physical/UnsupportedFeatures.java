package io.weir.planner.physical;

import io.weir.executor.api.WeirException;
import io.weir.planner.logical.LogicalWindowAggregate;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexOver;

/**
 * Names what a plan uses that Weir cannot run (yet, or in the requested mode), before the planner would fail
 * with a generic message. A streaming plan is rejected at submit rather than run wrongly.
 */
final class UnsupportedFeatures {

    private UnsupportedFeatures() {
    }

    static void check(RelNode logical, boolean streaming) {
        checkNode(logical, streaming);
        for (RelNode input : logical.getInputs()) {
            check(input, streaming);
        }
    }

    private static void checkNode(RelNode node, boolean streaming) {
        if (node instanceof Aggregate aggregate && aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            throw WeirException.plan("GROUPING SETS, ROLLUP and CUBE are not supported yet");
        }
        if (node instanceof Window || node instanceof Calc calc && RexOver.containsOver(calc.getProgram())
                || node instanceof Project project && RexOver.containsOver(project.getProjects(), null)) {
            throw WeirException.plan("Only ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) filtered to the top N "
                    + "rows is supported (SELECT ... FROM (SELECT *, ROW_NUMBER() OVER (...) AS rn FROM t) WHERE "
                    + "rn <= N); other OVER windows are not supported yet");
        }
        if (node instanceof TableFunctionScan scan && WindowDefinition.of(scan) == null) {
            throw WeirException.plan("Table functions other than the window TVFs (TUMBLE, HOP, CUMULATE, SESSION) "
                    + "are not supported yet");
        }
        if (node instanceof TableModify modify && modify.getOperation() != TableModify.Operation.INSERT) {
            throw WeirException.plan(modify.getOperation() + " is not supported; only INSERT INTO");
        }
        if (streaming) {
            checkStreaming(node);
        }
    }

    private static void checkStreamingJoin(Join join) {
        if (join.getJoinType() != JoinRelType.INNER) {
            String kind = switch (join.getJoinType()) {
                case SEMI, ANTI -> "IN / EXISTS subqueries";
                default -> join.getJoinType() + " OUTER joins";
            };
            throw WeirException.plan(kind + " over unbounded inputs are not supported yet (they would have to "
                    + "retract rows); only inner joins are");
        }
        if (!JoinKeys.of(join).hasKeys()) {
            throw WeirException.plan("A join over unbounded inputs needs at least one equality between a column of "
                    + "each side of the same type (e.g. ON a.id = b.id): without one every row would be kept and "
                    + "compared with every other");
        }
    }

    private static boolean isTimeOperator(RelNode node) {
        return node instanceof LogicalWindowAggregate
                || node instanceof TableFunctionScan
                || node instanceof Sort sort && !sort.getCollation().getFieldCollations().isEmpty();
    }

    private static boolean readsJoin(RelNode node) {
        for (RelNode input : node.getInputs()) {
            if (input instanceof Join || readsJoin(input)) {
                return true;
            }
        }
        return false;
    }

    private static void checkStreaming(RelNode node) {
        if (node instanceof Join join) {
            checkStreamingJoin(join);
        }
        if (isTimeOperator(node) && readsJoin(node)) {
            throw WeirException.plan("Time attributes do not survive a join over unbounded inputs (a joined row may "
                    + "be older than the watermark): apply window functions, windowed GROUP BYs and ORDER BY on a "
                    + "time attribute before the join, not after it");
        }
        if (node instanceof Intersect || node instanceof Minus) {
            throw WeirException.plan("INTERSECT and EXCEPT over unbounded inputs are not supported yet");
        }
        if (node instanceof Sort sort && !sort.getCollation().getFieldCollations().isEmpty()
                && !StreamingSortPhysicalRule.sortsByRowtime(sort)) {
            throw WeirException.plan("ORDER BY over an unbounded input must start with an ascending time attribute "
                    + "(a WATERMARK column or window_time), without OFFSET");
        }
    }
}
