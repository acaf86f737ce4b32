package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** INSERT INTO a catalog table: hands the input rows to the table connector's sink. */
public final class SinkPhysicalRel extends SingleRel implements PhysicalRel {

    private final RelOptTable table;

    public SinkPhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelOptTable table) {
        super(cluster, traits, input);
        this.table = table;
    }

    public RelOptTable table() {
        return table;
    }

    @Override
    protected RelDataType deriveRowType() {
        var typeFactory = getCluster().getTypeFactory();
        return typeFactory.builder().add("rows", typeFactory.createSqlType(SqlTypeName.BIGINT)).build();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SinkPhysicalRel(getCluster(), traitSet, sole(inputs), table);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("table", table.getQualifiedName());
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onSink(this);
    }
}
