package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.sql.SqlKind;

/** INTERSECT [ALL] and EXCEPT [ALL], by counting each distinct row on both sides. */
public final class SetOpPhysicalRel extends SetOp implements PhysicalRel {

    public SetOpPhysicalRel(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, SqlKind kind,
            boolean all) {
        super(cluster, traits, List.of(), inputs, kind, all);
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new SetOpPhysicalRel(getCluster(), traitSet, inputs, kind, all);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onSetOp(this);
    }
}
