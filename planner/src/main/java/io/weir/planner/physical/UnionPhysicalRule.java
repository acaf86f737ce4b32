package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalUnion;

/** {@code LogicalUnion} ALL -> {@link UnionPhysicalRel}. */
public final class UnionPhysicalRule extends ConverterRule {

    public static final UnionPhysicalRule INSTANCE = new UnionPhysicalRule(Config.INSTANCE
            .withConversion(LogicalUnion.class, (LogicalUnion u) -> u.all,
                    Convention.NONE, WeirConvention.INSTANCE, "UnionPhysicalRule")
            .withRuleFactory(UnionPhysicalRule::new));

    private UnionPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalUnion union = (LogicalUnion) rel;
        return new UnionPhysicalRel(union.getCluster(), union.getTraitSet().replace(WeirConvention.INSTANCE),
                union.getInputs().stream().map(JoinSupport::physicalInput).toList());
    }
}
