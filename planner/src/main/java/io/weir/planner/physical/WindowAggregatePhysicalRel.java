package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Streaming window aggregation: groups by keys that include a window's start and end, and emits each window's
 * groups once (insert-only) when time passes the window's end, then frees them.
 */
public final class WindowAggregatePhysicalRel extends Aggregate implements PhysicalRel {

    private final int windowStart;
    private final int windowEnd;
    private final boolean eventTime;

    public WindowAggregatePhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input,
            ImmutableBitSet groupSet, List<AggregateCall> aggCalls, int windowStart, int windowEnd, boolean eventTime) {
        super(cluster, traits, List.of(), input, groupSet, null, aggCalls);
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.eventTime = eventTime;
    }

    public int windowStart() {
        return windowStart;
    }

    public int windowEnd() {
        return windowEnd;
    }

    public boolean eventTime() {
        return eventTime;
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new WindowAggregatePhysicalRel(getCluster(), traitSet, input, groupSet, aggCalls, windowStart,
                windowEnd, eventTime);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("windowEnd", "$" + windowEnd).itemIf("time", "proctime", !eventTime);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onWindowAggregate(this);
    }
}
