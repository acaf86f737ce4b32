package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;

/** {@code LogicalTableFunctionScan} of a window TVF -> {@link WindowTableFunctionPhysicalRel}. */
public final class WindowTableFunctionPhysicalRule extends ConverterRule {

    public static final WindowTableFunctionPhysicalRule INSTANCE = new WindowTableFunctionPhysicalRule(Config.INSTANCE
            .withConversion(LogicalTableFunctionScan.class,
                    (LogicalTableFunctionScan s) -> s.getInputs().size() == 1 && WindowDefinition.of(s) != null,
                    Convention.NONE, WeirConvention.INSTANCE, "WindowTableFunctionPhysicalRule")
            .withRuleFactory(WindowTableFunctionPhysicalRule::new));

    private WindowTableFunctionPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalTableFunctionScan scan = (LogicalTableFunctionScan) rel;
        return new WindowTableFunctionPhysicalRel(scan.getCluster(), scan.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(scan.getInputs().get(0)), scan.getRowType(), WindowDefinition.of(scan));
    }
}
