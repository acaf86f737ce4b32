package io.weir.planner.physical;

import io.weir.planner.logical.TopN;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Top-N / deduplication per partition. Streaming over an insert-only input it emits an updating result (rows enter
 * and leave the top N as later rows arrive); in batch it emits the final top rows as inserts.
 */
public final class RankPhysicalRel extends SingleRel implements PhysicalRel {

    private final TopN topN;

    public RankPhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input, TopN topN) {
        super(cluster, traits, input);
        this.topN = topN;
    }

    public TopN topN() {
        return topN;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new RankPhysicalRel(getCluster(), traitSet, sole(inputs), topN);
    }

    @Override
    protected RelDataType deriveRowType() {
        return topN.rowType(getInput().getRowType(), getCluster().getTypeFactory());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return topN.explain(super.explainTerms(pw));
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onRank(this);
    }
}
