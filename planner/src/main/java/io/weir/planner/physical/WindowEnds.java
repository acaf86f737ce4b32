package io.weir.planner.physical;

import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Which columns of a physical plan are the {@code window_end} of an event-time window aggregate, passed on
 * unchanged. Such a column has a useful property for the operators that read it: a window aggregate emits a
 * window's rows before the watermark that closes the window, so once the watermark has passed {@code window_end - 1}
 * no more rows with that window_end can come.
 */
final class WindowEnds {

    private WindowEnds() {
    }

    static boolean isEventTimeWindowEnd(RelNode rel, int column) {
        if (rel instanceof RelSubset subset) {
            RelNode best = subset.getBest() != null ? subset.getBest() : subset.getOriginal();
            return best != null && isEventTimeWindowEnd(best, column);
        }
        if (rel instanceof WindowAggregatePhysicalRel aggregate) {
            ImmutableBitSet groups = aggregate.getGroupSet();
            return aggregate.eventTime() && column < groups.cardinality()
                    && groups.nth(column) == aggregate.windowEnd();
        }
        if (rel instanceof CalcPhysicalRel calc) {
            RexProgram program = calc.getProgram();
            RexNode projected = program.expandLocalRef(program.getProjectList().get(column));
            return projected instanceof RexInputRef ref && isEventTimeWindowEnd(calc.getInput(), ref.getIndex());
        }
        if (rel instanceof ExchangePhysicalRel exchange) {
            return isEventTimeWindowEnd(exchange.getInput(), column);
        }
        return false;
    }
}
