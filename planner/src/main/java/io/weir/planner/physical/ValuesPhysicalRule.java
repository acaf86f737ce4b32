package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalValues;

/** {@code LogicalValues} -> {@link ValuesPhysicalRel}. */
public final class ValuesPhysicalRule extends ConverterRule {

    public static final ValuesPhysicalRule INSTANCE = new ValuesPhysicalRule(Config.INSTANCE
            .withConversion(LogicalValues.class, Convention.NONE, WeirConvention.INSTANCE, "ValuesPhysicalRule")
            .withRuleFactory(ValuesPhysicalRule::new));

    private ValuesPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalValues values = (LogicalValues) rel;
        return new ValuesPhysicalRel(values.getCluster(), values.getRowType(), values.getTuples(),
                values.getTraitSet().replace(WeirConvention.INSTANCE));
    }
}
