package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;

/** {@code LogicalTableModify} INSERT -> {@link SinkPhysicalRel}. */
public final class SinkPhysicalRule extends ConverterRule {

    public static final SinkPhysicalRule INSTANCE = new SinkPhysicalRule(Config.INSTANCE
            .withConversion(LogicalTableModify.class, (LogicalTableModify m) -> m.getOperation() == TableModify.Operation.INSERT,
                    Convention.NONE, WeirConvention.INSTANCE, "SinkPhysicalRule")
            .withRuleFactory(SinkPhysicalRule::new));

    private SinkPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalTableModify modify = (LogicalTableModify) rel;
        return new SinkPhysicalRel(modify.getCluster(), modify.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(modify.getInput()), modify.getTable());
    }
}
