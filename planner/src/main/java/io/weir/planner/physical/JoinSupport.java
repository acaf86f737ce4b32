package io.weir.planner.physical;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Join;

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

    static RelNode physicalInput(RelNode input) {
        return ConverterRule.convert(input, input.getTraitSet().replace(WeirConvention.INSTANCE));
    }
}
