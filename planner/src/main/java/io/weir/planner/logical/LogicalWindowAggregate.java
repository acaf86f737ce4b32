package io.weir.planner.logical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A GROUP BY that groups by the {@code window_start} and {@code window_end} of a window TVF: in streaming it
 * can emit each window once, when the watermark passes its end, and free it. The positions of the two window
 * columns among the aggregate's input columns are found once, while the plan is still a tree
 * ({@link WindowAggregates}).
 */
public final class LogicalWindowAggregate extends Aggregate {

    private final int windowStart;
    private final int windowEnd;
    private final boolean eventTime;

    public LogicalWindowAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
            List<AggregateCall> aggCalls, int windowStart, int windowEnd, boolean eventTime) {
        super(cluster, traits, List.of(), input, groupSet, null, aggCalls);
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.eventTime = eventTime;
    }

    /** Input column of {@code window_start}. */
    public int windowStart() {
        return windowStart;
    }

    /** Input column of {@code window_end}. */
    public int windowEnd() {
        return windowEnd;
    }

    /** False for processing-time windows. */
    public boolean eventTime() {
        return eventTime;
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
            List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new LogicalWindowAggregate(getCluster(), traitSet, input, groupSet, aggCalls, windowStart, windowEnd,
                eventTime);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("windowStart", "$" + windowStart).item("windowEnd", "$" + windowEnd)
                .itemIf("time", "proctime", !eventTime);
    }
}
