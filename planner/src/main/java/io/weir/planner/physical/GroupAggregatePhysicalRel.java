package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Streaming GROUP BY (or a global aggregate) over an unbounded input: an updating result, each group's aggregates
 * re-emitted as {@code -U}/{@code +U} when they change. Over an updating input (another GROUP BY) it also takes
 * retracted rows back and deletes ({@code -D}) a group left without rows ({@link UpdatingInputs}). One simple
 * grouping set only.
 */
public final class GroupAggregatePhysicalRel extends Aggregate implements PhysicalRel {

    public GroupAggregatePhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input,
            ImmutableBitSet groupSet, List<AggregateCall> aggCalls) {
        super(cluster, traits, List.of(), input, groupSet, null, aggCalls);
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new GroupAggregatePhysicalRel(getCluster(), traitSet, input, groupSet, aggCalls);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onGroupAggregate(this);
    }
}
