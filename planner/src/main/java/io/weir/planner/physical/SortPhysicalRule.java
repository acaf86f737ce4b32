package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalSort;

/** {@code LogicalSort} with a collation -> {@link SortPhysicalRel}. */
public final class SortPhysicalRule extends ConverterRule {

    public static final SortPhysicalRule INSTANCE = new SortPhysicalRule(Config.INSTANCE
            .withConversion(LogicalSort.class, (LogicalSort s) -> !s.getCollation().getFieldCollations().isEmpty(),
                    Convention.NONE, WeirConvention.INSTANCE, "SortPhysicalRule")
            .withRuleFactory(SortPhysicalRule::new));

    private SortPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalSort sort = (LogicalSort) rel;
        return new SortPhysicalRel(sort.getCluster(), sort.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(sort.getInput()), sort.getCollation(), sort.offset, sort.fetch);
    }
}
