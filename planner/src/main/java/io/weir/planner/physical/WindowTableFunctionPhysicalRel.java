package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A window TVF: appends {@code window_start}, {@code window_end} and {@code window_time} to each row, once per
 * window the row belongs to. SESSION windows are known only when a session closes, so they hold rows per key of
 * the {@link ExchangePhysicalRel} below them ({@code PARTITION BY}) until the watermark passes the session's end.
 */
public final class WindowTableFunctionPhysicalRel extends SingleRel implements PhysicalRel {

    private final WindowDefinition window;

    public WindowTableFunctionPhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input,
            RelDataType rowType, WindowDefinition window) {
        super(cluster, traits, input);
        this.rowType = rowType;
        this.window = window;
    }

    public WindowDefinition window() {
        return window;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new WindowTableFunctionPhysicalRel(getCluster(), traitSet, sole(inputs), rowType, window);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("window", window.describe());
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onWindowTableFunction(this);
    }
}
