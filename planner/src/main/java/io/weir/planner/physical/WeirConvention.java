package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;

/** The calling convention of Weir's physical operators: a rel in it can be turned into job-graph vertices. */
public final class WeirConvention {

    public static final Convention INSTANCE = new Convention.Impl("WEIR", PhysicalRel.class);

    private WeirConvention() {
    }
}
