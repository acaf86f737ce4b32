package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalCalc;

/** {@code LogicalCalc} -> {@link CalcPhysicalRel}. Filters and projects are merged into calcs beforehand. */
public final class CalcPhysicalRule extends ConverterRule {

    public static final CalcPhysicalRule INSTANCE = new CalcPhysicalRule(Config.INSTANCE
            .withConversion(LogicalCalc.class, Convention.NONE, WeirConvention.INSTANCE, "CalcPhysicalRule")
            .withRuleFactory(CalcPhysicalRule::new));

    private CalcPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalCalc calc = (LogicalCalc) rel;
        RelNode input = JoinSupport.physicalInput(calc.getInput());
        return new CalcPhysicalRel(calc.getCluster(), calc.getTraitSet().replace(WeirConvention.INSTANCE), input,
                calc.getProgram());
    }
}
