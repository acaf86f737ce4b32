package io.weir.planner.physical;

import io.weir.executor.api.WeirException;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;

/**
 * Chooses the physical operators for a logical plan with Calcite's Volcano planner (the planner of the plan's
 * cluster) and the {@link PhysicalRules} of the runtime mode.
 */
public final class PhysicalOptimizer {

    private PhysicalOptimizer() {
    }

    public static PhysicalRel optimize(RelNode logical, boolean streaming) {
        UnsupportedFeatures.check(logical, streaming);
        RelOptPlanner planner = logical.getCluster().getPlanner();
        for (RelOptRule rule : streaming ? PhysicalRules.STREAMING : PhysicalRules.BATCH) {
            planner.addRule(rule);
        }
        RelNode target = planner.changeTraits(logical, logical.getTraitSet().replace(WeirConvention.INSTANCE));
        planner.setRoot(target);
        try {
            return (PhysicalRel) planner.findBestExp();
        } catch (RelOptPlanner.CannotPlanException e) {
            throw WeirException.plan("Weir cannot run this query yet: no physical operator for part of its plan");
        }
    }
}
