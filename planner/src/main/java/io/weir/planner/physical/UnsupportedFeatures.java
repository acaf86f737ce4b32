package io.weir.planner.physical;

import io.weir.executor.api.WeirException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
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
        if (node instanceof Window || node instanceof Calc calc && RexOver.containsOver(calc.getProgram())) {
            throw WeirException.plan("OVER windows are not supported yet");
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

    private static void checkStreaming(RelNode node) {
        if (node instanceof Join) {
            throw WeirException.plan("Joins over unbounded inputs are not supported yet");
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
