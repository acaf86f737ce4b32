package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;

/**
 * A logical aggregate with one grouping set -> {@link HashAggregatePhysicalRel}; in batch this includes window
 * aggregates, which a hash aggregate over the window TVF's rows computes exactly.
 */
public final class HashAggregatePhysicalRule extends ConverterRule {

    public static final HashAggregatePhysicalRule INSTANCE = new HashAggregatePhysicalRule(Config.INSTANCE
            .withConversion(Aggregate.class, (Aggregate a) -> a.getGroupType() == Aggregate.Group.SIMPLE,
                    Convention.NONE, WeirConvention.INSTANCE, "HashAggregatePhysicalRule")
            .withRuleFactory(HashAggregatePhysicalRule::new));

    private HashAggregatePhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        Aggregate agg = (Aggregate) rel;
        RelNode input = JoinSupport.physicalInput(agg.getInput());
        return new HashAggregatePhysicalRel(agg.getCluster(), agg.getTraitSet().replace(WeirConvention.INSTANCE),
                input, agg.getGroupSet(), agg.getAggCallList());
    }
}
