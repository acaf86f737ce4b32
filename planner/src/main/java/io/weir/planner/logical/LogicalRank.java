package io.weir.planner.logical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Top-N or deduplication: the first {@link TopN#limit()} rows of each partition in the order of a
 * {@code ROW_NUMBER() OVER (...)} that an enclosing filter bounds. {@link TopNRanks} makes it out of the
 * projection and the filter; the physical rules turn it into one rank operator.
 */
public final class LogicalRank extends SingleRel {

    private final TopN topN;

    public LogicalRank(RelOptCluster cluster, RelTraitSet traits, RelNode input, TopN topN) {
        super(cluster, traits, input);
        this.topN = topN;
    }

    public TopN topN() {
        return topN;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalRank(getCluster(), traitSet, sole(inputs), topN);
    }

    @Override
    protected RelDataType deriveRowType() {
        return topN.rowType(getInput().getRowType(), getCluster().getTypeFactory());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return topN.explain(super.explainTerms(pw));
    }
}
