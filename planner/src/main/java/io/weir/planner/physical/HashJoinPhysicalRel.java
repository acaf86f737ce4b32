package io.weir.planner.physical;

import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rex.RexNode;

/**
 * A join with at least one equality between a left and a right column of the same physical type: the right
 * input is built into a hash table, the left probes it; other conditions are checked on matching pairs.
 */
public final class HashJoinPhysicalRel extends Join implements PhysicalRel {

    public HashJoinPhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
            RexNode condition, JoinRelType joinType) {
        super(cluster, traits, List.of(), left, right, condition, Set.of(), joinType);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
            boolean semiJoinDone) {
        return new HashJoinPhysicalRel(getCluster(), traitSet, left, right, condition, joinType);
    }

    /** The equi-keys and the remaining condition, split by the rule that chose this operator. */
    public JoinKeys keys() {
        return JoinKeys.of(this);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return JoinSupport.cost(this, planner, mq);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onHashJoin(this);
    }
}
