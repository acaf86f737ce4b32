package io.weir.planner.physical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Exchange;

/** Repartitions rows by hash of keys (a SESSION window's {@code PARTITION BY}). */
public final class ExchangePhysicalRel extends Exchange implements PhysicalRel {

    public ExchangePhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDistribution distribution) {
        super(cluster, traits, input, distribution);
    }

    public int[] keys() {
        return distribution.getKeys().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Exchange copy(RelTraitSet traitSet, RelNode newInput, RelDistribution newDistribution) {
        return new ExchangePhysicalRel(getCluster(), traitSet, newInput, newDistribution);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onExchange(this);
    }
}
