package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalJoin;

/** {@code LogicalJoin} without hashable equalities -> {@link NestedLoopJoinPhysicalRel}. */
public final class NestedLoopJoinPhysicalRule extends ConverterRule {

    public static final NestedLoopJoinPhysicalRule INSTANCE = new NestedLoopJoinPhysicalRule(Config.INSTANCE
            .withConversion(LogicalJoin.class, (LogicalJoin j) -> JoinSupport.isSupported(j) && !JoinKeys.of(j).hasKeys(),
                    Convention.NONE, WeirConvention.INSTANCE, "NestedLoopJoinPhysicalRule")
            .withRuleFactory(NestedLoopJoinPhysicalRule::new));

    private NestedLoopJoinPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalJoin join = (LogicalJoin) rel;
        return new NestedLoopJoinPhysicalRel(join.getCluster(), join.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(join.getLeft()), JoinSupport.physicalInput(join.getRight()),
                join.getCondition(), join.getJoinType());
    }
}
