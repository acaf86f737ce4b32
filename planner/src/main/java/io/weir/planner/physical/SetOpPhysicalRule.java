package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalMinus;

/** {@code LogicalIntersect} and {@code LogicalMinus} -> {@link SetOpPhysicalRel}. */
public final class SetOpPhysicalRule extends ConverterRule {

    public static final SetOpPhysicalRule INTERSECT = create(LogicalIntersect.class, "SetOpPhysicalRule(INTERSECT)");
    public static final SetOpPhysicalRule MINUS = create(LogicalMinus.class, "SetOpPhysicalRule(EXCEPT)");

    private SetOpPhysicalRule(Config config) {
        super(config);
    }

    private static SetOpPhysicalRule create(Class<? extends SetOp> clazz, String name) {
        return new SetOpPhysicalRule(Config.INSTANCE
                .withConversion(clazz, Convention.NONE, WeirConvention.INSTANCE, name)
                .withRuleFactory(SetOpPhysicalRule::new));
    }

    @Override
    public RelNode convert(RelNode rel) {
        SetOp setOp = (SetOp) rel;
        return new SetOpPhysicalRel(setOp.getCluster(), setOp.getTraitSet().replace(WeirConvention.INSTANCE),
                setOp.getInputs().stream().map(JoinSupport::physicalInput).toList(), setOp.kind, setOp.all);
    }
}
