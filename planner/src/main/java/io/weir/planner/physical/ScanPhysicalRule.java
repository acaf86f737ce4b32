package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalTableScan;

/** {@code LogicalTableScan} -> {@link ScanPhysicalRel}. */
public final class ScanPhysicalRule extends ConverterRule {

    public static final ScanPhysicalRule INSTANCE = new ScanPhysicalRule(Config.INSTANCE
            .withConversion(LogicalTableScan.class, Convention.NONE, WeirConvention.INSTANCE, "ScanPhysicalRule")
            .withRuleFactory(ScanPhysicalRule::new));

    private ScanPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalTableScan scan = (LogicalTableScan) rel;
        return new ScanPhysicalRel(scan.getCluster(), scan.getTraitSet().replace(WeirConvention.INSTANCE),
                scan.getTable());
    }
}
