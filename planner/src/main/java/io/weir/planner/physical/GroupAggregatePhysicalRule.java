package io.weir.planner.physical;

import io.weir.planner.logical.LogicalWindowAggregate;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;

/**
 * A logical aggregate that is not a window aggregate, with one grouping set -> {@link GroupAggregatePhysicalRel}
 * (streaming; batch uses a hash aggregate). {@link ChangelogModes} has checked that it can read its input (insert-only,
 * or updates with retractable functions) and that what reads it accepts updates.
 */
public final class GroupAggregatePhysicalRule extends ConverterRule {

    public static final GroupAggregatePhysicalRule INSTANCE = new GroupAggregatePhysicalRule(Config.INSTANCE
            .withConversion(Aggregate.class, (Aggregate a) -> a.getGroupType() == Aggregate.Group.SIMPLE
                    && !(a instanceof LogicalWindowAggregate), Convention.NONE, WeirConvention.INSTANCE,
                    "GroupAggregatePhysicalRule")
            .withRuleFactory(GroupAggregatePhysicalRule::new));

    private GroupAggregatePhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        Aggregate agg = (Aggregate) rel;
        return new GroupAggregatePhysicalRel(agg.getCluster(), agg.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(agg.getInput()), agg.getGroupSet(), agg.getAggCallList());
    }
}
