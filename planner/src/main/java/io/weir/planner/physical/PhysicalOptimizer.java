package io.weir.planner.physical;

import io.weir.executor.api.WeirException;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;

/** Chooses the physical operators for a logical plan with Calcite's Volcano planner and {@link PhysicalRules}. */
public final class PhysicalOptimizer {

    private PhysicalOptimizer() {
    }

    /** Registers the physical rules on the planner of the statement's cluster. */
    public static void configure(VolcanoPlanner planner) {
        for (RelOptRule rule : PhysicalRules.ALL) {
            planner.addRule(rule);
        }
    }

    public static PhysicalRel optimize(RelNode logical) {
        UnsupportedFeatures.check(logical);
        RelOptPlanner planner = logical.getCluster().getPlanner();
        RelNode target = planner.changeTraits(logical, logical.getTraitSet().replace(WeirConvention.INSTANCE));
        planner.setRoot(target);
        try {
            return (PhysicalRel) planner.findBestExp();
        } catch (RelOptPlanner.CannotPlanException e) {
            throw WeirException.plan("Weir cannot run this query yet: no physical operator for part of its plan");
        }
    }
}
