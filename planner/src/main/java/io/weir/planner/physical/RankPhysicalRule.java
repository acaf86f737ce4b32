package io.weir.planner.physical;

import io.weir.planner.logical.LogicalRank;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * {@link LogicalRank} -> {@link RankPhysicalRel}, in both modes. In streaming, {@link ChangelogModes} has checked
 * that its input is insert-only and that what reads it accepts updates.
 */
public final class RankPhysicalRule extends ConverterRule {

    public static final RankPhysicalRule INSTANCE = new RankPhysicalRule(Config.INSTANCE
            .withConversion(LogicalRank.class, Convention.NONE, WeirConvention.INSTANCE, "RankPhysicalRule")
            .withRuleFactory(RankPhysicalRule::new));

    private RankPhysicalRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalRank rank = (LogicalRank) rel;
        return new RankPhysicalRel(rank.getCluster(), rank.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(rank.getInput()), rank.topN());
    }
}
