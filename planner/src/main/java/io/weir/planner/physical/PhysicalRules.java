package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * The logical-to-physical rules of each runtime mode (as Calcite's {@code CoreRules} gathers its rules). Streaming
 * has only the operators that can run over unbounded input; what else a streaming plan contains was rejected by
 * {@link UnsupportedFeatures} with a message saying why.
 */
public final class PhysicalRules {

    private static final List<RelOptRule> COMMON = List.of(
            ScanPhysicalRule.INSTANCE,
            ValuesPhysicalRule.INSTANCE,
            CalcPhysicalRule.INSTANCE,
            LimitPhysicalRule.INSTANCE,
            UnionPhysicalRule.INSTANCE,
            WindowTableFunctionPhysicalRule.INSTANCE,
            ExchangePhysicalRule.INSTANCE,
            RankPhysicalRule.INSTANCE,
            SinkPhysicalRule.INSTANCE);

    public static final List<RelOptRule> BATCH = concat(COMMON, List.of(
            HashAggregatePhysicalRule.INSTANCE,
            HashJoinPhysicalRule.INSTANCE,
            NestedLoopJoinPhysicalRule.INSTANCE,
            SortPhysicalRule.INSTANCE,
            SetOpPhysicalRule.INTERSECT,
            SetOpPhysicalRule.MINUS));

    public static final List<RelOptRule> STREAMING = concat(COMMON, List.of(
            WindowAggregatePhysicalRule.INSTANCE,
            StreamingJoinPhysicalRule.INSTANCE,
            StreamingSortPhysicalRule.INSTANCE,
            GroupAggregatePhysicalRule.INSTANCE));

    private static List<RelOptRule> concat(List<RelOptRule> a, List<RelOptRule> b) {
        List<RelOptRule> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private PhysicalRules() {
    }
}
