package io.weir.planner.physical;

import io.weir.planner.functions.WindowTableFunction;
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
 * no more rows with that window_end can come. Where the windows are known (tumbling, hopping, cumulating), their
 * ends also lie on a grid: multiples of the size, slide or step, shifted by the offset.
 */
final class WindowEnds {

    /** The ends of one kind of window: {@code offset + k * step}; step 1 when any millisecond may be an end. */
    record Grid(long step, long offset) {
        static final Grid ANY = new Grid(1, 0);
    }

    private WindowEnds() {
    }

    static boolean isEventTimeWindowEnd(RelNode rel, int column) {
        return windowEndGrid(rel, column) != null;
    }

    /** The grid of the window ends in {@code column}, or null when it is not an event-time window end. */
    static Grid windowEndGrid(RelNode rel, int column) {
        if (rel instanceof RelSubset subset) {
            RelNode best = subset.getBest() != null ? subset.getBest() : subset.getOriginal();
            return best == null ? null : windowEndGrid(best, column);
        }
        if (rel instanceof WindowAggregatePhysicalRel aggregate) {
            ImmutableBitSet groups = aggregate.getGroupSet();
            boolean isEnd = aggregate.eventTime() && column < groups.cardinality()
                    && groups.nth(column) == aggregate.windowEnd();
            return isEnd ? gridOf(aggregate.getInput()) : null;
        }
        if (rel instanceof CalcPhysicalRel calc) {
            RexProgram program = calc.getProgram();
            RexNode projected = program.expandLocalRef(program.getProjectList().get(column));
            return projected instanceof RexInputRef ref ? windowEndGrid(calc.getInput(), ref.getIndex()) : null;
        }
        if (rel instanceof ExchangePhysicalRel exchange) {
            return windowEndGrid(exchange.getInput(), column);
        }
        return null;
    }

    /** The grid of the windows a window aggregate's input assigns, looking through exchanges and calcs. */
    private static Grid gridOf(RelNode input) {
        while (true) {
            if (input instanceof RelSubset subset) {
                input = subset.getBest() != null ? subset.getBest() : subset.getOriginal();
            } else if (input instanceof ExchangePhysicalRel || input instanceof CalcPhysicalRel) {
                input = input.getInput(0);
            } else {
                break;
            }
        }
        if (input instanceof WindowTableFunctionPhysicalRel window
                && window.window().kind() != WindowTableFunction.Kind.SESSION) {
            WindowDefinition definition = window.window();
            long step = definition.slideMillis();
            return new Grid(step, Math.floorMod(definition.offsetMillis(), step));
        }
        return Grid.ANY;
    }
}
