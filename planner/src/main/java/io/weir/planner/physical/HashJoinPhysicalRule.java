package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalJoin;

/** {@code LogicalJoin} with at least one hashable equality -> {@link HashJoinPhysicalRel}. */
public final class HashJoinPhysicalRule extends ConverterRule {

    public static final HashJoinPhysicalRule INSTANCE = new HashJoinPhysicalRule(Config.INSTANCE
            .withConversion(LogicalJoin.class, (LogicalJoin j) -> JoinSupport.isSupported(j) && JoinKeys.of(j).hasKeys(),
                    Convention.NONE, WeirConvention.INSTANCE, "HashJoinPhysicalRule")
            .withRuleFactory(HashJoinPhysicalRule::new));

    private HashJoinPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalJoin join = (LogicalJoin) rel;
        return new HashJoinPhysicalRel(join.getCluster(), join.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(join.getLeft()), JoinSupport.physicalInput(join.getRight()),
                join.getCondition(), join.getJoinType());
    }
}
