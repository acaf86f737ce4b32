package io.weir.planner.physical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexNode;

/**
 * Streaming {@code ORDER BY rowtime [, keys] [LIMIT n]}: rows are held until the watermark passes their time,
 * then emitted in order.
 */
public final class StreamingSortPhysicalRel extends Sort implements PhysicalRel {

    public StreamingSortPhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
            RexNode offset, RexNode fetch) {
        super(cluster, traits, input, collation, offset, fetch);
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation, RexNode offset, RexNode fetch) {
        return new StreamingSortPhysicalRel(getCluster(), traitSet, newInput, newCollation, offset, fetch);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onStreamingSort(this);
    }
}
