package io.weir.planner.logical;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Replaces Calcite's {@code LITERAL_AGG(value)} calls by the literal itself, projected over the aggregate that
 * remains. Calcite's sub-query removal adds such calls as "a match was found" indicators when it turns
 * {@code x [NOT] IN (SELECT ...)} into a join with a grouped sub-query; the runtime has no such aggregate, and a
 * constant needs none: every group the aggregate emits carries the same value.
 */
final class LiteralAggregates {

    private LiteralAggregates() {
    }

    static RelNode expand(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalAggregate aggregate) {
                RelNode visited = super.visit(aggregate);
                return visited instanceof LogicalAggregate a ? expandOne(a) : visited;
            }
        });
    }

    private static RelNode expandOne(LogicalAggregate aggregate) {
        List<AggregateCall> calls = aggregate.getAggCallList();
        if (calls.stream().noneMatch(LiteralAggregates::isLiteral)) {
            return aggregate;
        }
        RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
        int groupCount = aggregate.getGroupCount();
        List<AggregateCall> kept = new ArrayList<>();
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < groupCount; i++) {
            projects.add(rexBuilder.makeInputRef(aggregate.getRowType().getFieldList().get(i).getType(), i));
        }
        for (AggregateCall call : calls) {
            if (isLiteral(call)) {
                projects.add(rexBuilder.ensureType(call.getType(), call.rexList.get(0), true));
            } else {
                projects.add(rexBuilder.makeInputRef(call.getType(), groupCount + kept.size()));
                kept.add(call);
            }
        }
        LogicalAggregate reduced = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(),
                aggregate.getGroupSet(), aggregate.getGroupSets(), kept);
        return LogicalProject.create(reduced, List.of(), projects, aggregate.getRowType().getFieldNames());
    }

    private static boolean isLiteral(AggregateCall call) {
        return call.getAggregation().getKind() == SqlKind.LITERAL_AGG;
    }
}
