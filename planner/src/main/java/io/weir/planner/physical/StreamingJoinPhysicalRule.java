package io.weir.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;

/** Streaming {@code LogicalJoin}, inner with at least one hashable equality -> {@link StreamingJoinPhysicalRel}. */
public final class StreamingJoinPhysicalRule extends ConverterRule {

    public static final StreamingJoinPhysicalRule INSTANCE = new StreamingJoinPhysicalRule(Config.INSTANCE
            .withConversion(LogicalJoin.class, StreamingJoinPhysicalRule::isSupported, Convention.NONE,
                    WeirConvention.INSTANCE, "StreamingJoinPhysicalRule")
            .withRuleFactory(StreamingJoinPhysicalRule::new));

    private StreamingJoinPhysicalRule(Config config) {
        super(config);
    }

    /** Only inner joins: an outer join's padded rows would have to be retracted when a match arrives later. */
    static boolean isSupported(LogicalJoin join) {
        return join.getJoinType() == JoinRelType.INNER && JoinKeys.of(join).hasKeys();
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalJoin join = (LogicalJoin) rel;
        return new StreamingJoinPhysicalRel(join.getCluster(), join.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(join.getLeft()), JoinSupport.physicalInput(join.getRight()),
                join.getCondition());
    }
}
