package io.weir.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** Every logical-to-physical rule, in one list (as Calcite's {@code CoreRules} gathers its rules). */
public final class PhysicalRules {

    public static final List<RelOptRule> ALL = List.of(
            ScanPhysicalRule.INSTANCE,
            ValuesPhysicalRule.INSTANCE,
            CalcPhysicalRule.INSTANCE,
            HashAggregatePhysicalRule.INSTANCE,
            HashJoinPhysicalRule.INSTANCE,
            NestedLoopJoinPhysicalRule.INSTANCE,
            SortPhysicalRule.INSTANCE,
            LimitPhysicalRule.INSTANCE,
            UnionPhysicalRule.INSTANCE,
            SetOpPhysicalRule.INTERSECT,
            SetOpPhysicalRule.MINUS,
            SinkPhysicalRule.INSTANCE);

    private PhysicalRules() {
    }
}
