package io.weir.planner.physical;

import io.weir.planner.logical.LogicalWindowAggregate;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** {@link LogicalWindowAggregate} -> {@link WindowAggregatePhysicalRel} (streaming; batch uses a hash aggregate). */
public final class WindowAggregatePhysicalRule extends ConverterRule {

    public static final WindowAggregatePhysicalRule INSTANCE = new WindowAggregatePhysicalRule(Config.INSTANCE
            .withConversion(LogicalWindowAggregate.class, Convention.NONE, WeirConvention.INSTANCE,
                    "WindowAggregatePhysicalRule")
            .withRuleFactory(WindowAggregatePhysicalRule::new));

    private WindowAggregatePhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalWindowAggregate agg = (LogicalWindowAggregate) rel;
        return new WindowAggregatePhysicalRel(agg.getCluster(), agg.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(agg.getInput()), agg.getGroupSet(), agg.getAggCallList(), agg.windowStart(),
                agg.windowEnd(), agg.eventTime());
    }
}
