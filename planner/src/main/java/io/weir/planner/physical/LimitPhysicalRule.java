package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalSort;

/** {@code LogicalSort} without a collation (only OFFSET/FETCH) -> {@link LimitPhysicalRel}. */
public final class LimitPhysicalRule extends ConverterRule {

    public static final LimitPhysicalRule INSTANCE = new LimitPhysicalRule(Config.INSTANCE
            .withConversion(LogicalSort.class, (LogicalSort s) -> s.getCollation().getFieldCollations().isEmpty(),
                    Convention.NONE, WeirConvention.INSTANCE, "LimitPhysicalRule")
            .withRuleFactory(LimitPhysicalRule::new));

    private LimitPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalSort sort = (LogicalSort) rel;
        return new LimitPhysicalRel(sort.getCluster(), sort.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(sort.getInput()), sort.offset, sort.fetch);
    }
}
