package io.weir.planner.physical;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** What the two join rules share. */
final class JoinSupport {

    private JoinSupport() {
    }

    /** Join kinds the runtime implements (no ASOF joins yet). */
    static boolean isSupported(Join join) {
        return switch (join.getJoinType()) {
            case INNER, LEFT, RIGHT, FULL, SEMI, ANTI -> true;
            default -> false;
        };
    }

    /** Both inputs are read once, whatever the join does with them. */
    static RelOptCost cost(Join join, RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = mq.getRowCount(join.getLeft()) + mq.getRowCount(join.getRight());
        return planner.getCostFactory().makeCost(rows, rows, 0);
    }

    static RelNode physicalInput(RelNode input) {
        return ConverterRule.convert(input, input.getTraitSet().replace(WeirConvention.INSTANCE));
    }
}
