package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/** GROUP BY (or a global aggregate) by hashing the group keys; one simple grouping set only. */
public final class HashAggregatePhysicalRel extends Aggregate implements PhysicalRel {

    public HashAggregatePhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input,
            ImmutableBitSet groupSet, List<AggregateCall> aggCalls) {
        super(cluster, traits, List.of(), input, groupSet, null, aggCalls);
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new HashAggregatePhysicalRel(getCluster(), traitSet, input, groupSet, aggCalls);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onHashAggregate(this);
    }
}
