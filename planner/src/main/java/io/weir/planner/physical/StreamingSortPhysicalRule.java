package io.weir.planner.physical;

import io.weir.planner.validate.TimeIndicatorType;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;

/** {@code LogicalSort} whose first key is an ascending event-time attribute -> {@link StreamingSortPhysicalRel}. */
public final class StreamingSortPhysicalRule extends ConverterRule {

    public static final StreamingSortPhysicalRule INSTANCE = new StreamingSortPhysicalRule(Config.INSTANCE
            .withConversion(LogicalSort.class, StreamingSortPhysicalRule::sortsByRowtime,
                    Convention.NONE, WeirConvention.INSTANCE, "StreamingSortPhysicalRule")
            .withRuleFactory(StreamingSortPhysicalRule::new));

    private StreamingSortPhysicalRule(Config config) {
        super(config);
    }

    /** True when the first sort key is a rowtime attribute in ascending order (and there is no OFFSET). */
    public static boolean sortsByRowtime(Sort sort) {
        if (sort.getCollation().getFieldCollations().isEmpty() || sort.offset != null) {
            return false;
        }
        RelFieldCollation first = sort.getCollation().getFieldCollations().get(0);
        return first.getDirection() == RelFieldCollation.Direction.ASCENDING
                && TimeIndicatorType.isRowtime(sort.getRowType().getFieldList().get(first.getFieldIndex()).getType());
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalSort sort = (LogicalSort) rel;
        return new StreamingSortPhysicalRel(sort.getCluster(), sort.getTraitSet().replace(WeirConvention.INSTANCE),
                JoinSupport.physicalInput(sort.getInput()), sort.getCollation(), sort.offset, sort.fetch);
    }
}
