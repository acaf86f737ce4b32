package io.weir.planner.jobgraph;

import io.weir.executor.operators.window.SlicedWindowAggregateOperator;
import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.physical.CalcPhysicalRel;
import io.weir.planner.physical.WindowAggregatePhysicalRel;
import io.weir.planner.physical.WindowDefinition;
import io.weir.planner.physical.WindowTableFunctionPhysicalRel;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * A streaming event-time TUMBLE or HOP aggregate that can run as one {@link SlicedWindowAggregateOperator}, which
 * aggregates each row once into a slice instead of once per window (and skips copying each row once per window).
 *
 * <p>It matches {@code WindowAggregate <- [column-only Calc] <- TUMBLE/HOP TVF} where the aggregate groups by
 * {@code window_end} (and maybe {@code window_start}) plus any columns of the TVF's input, never by
 * {@code window_time}, its calls read columns of the TVF's input and none is DISTINCT, and the slide is no longer
 * than the size. {@code keyColumns} are the grouped TVF input columns (the hash exchange's keys; none: all rows to one subtask) and
 * {@code outputKeys} says, per group key of the aggregate, which of them it is or which window bound.
 */
record SlicedAggregation(WindowTableFunctionPhysicalRel window, int[] keyColumns, int[] outputKeys,
        List<AggregateCall> calls) {

    static SlicedAggregation match(WindowAggregatePhysicalRel aggregate) {
        if (!aggregate.eventTime()) {
            return null;
        }
        RelNode input = aggregate.getInput();
        int[] sourceColumn = null;
        if (input instanceof CalcPhysicalRel calc) {
            sourceColumn = columnsOf(calc.getProgram());
            if (sourceColumn == null) {
                return null;
            }
            input = calc.getInput();
        }
        if (!(input instanceof WindowTableFunctionPhysicalRel window)) {
            return null;
        }
        WindowDefinition definition = window.window();
        if (!definition.eventTime() || definition.slideMillis() > definition.sizeMillis()
                || (definition.kind() != WindowTableFunction.Kind.TUMBLE
                        && definition.kind() != WindowTableFunction.Kind.HOP)) {
            return null;
        }
        int dataColumns = window.getRowType().getFieldCount() - 3;
        List<Integer> keys = new ArrayList<>();
        int[] outputKeys = new int[aggregate.getGroupCount()];
        boolean end = false;
        int i = 0;
        for (int key : aggregate.getGroupSet()) {
            int column = sourceColumn == null ? key : sourceColumn[key];
            if (column < dataColumns) {
                int position = keys.indexOf(column);
                if (position < 0) {
                    position = keys.size();
                    keys.add(column);
                }
                outputKeys[i++] = position;
            } else if (column == dataColumns) {
                outputKeys[i++] = SlicedWindowAggregateOperator.WINDOW_START;
            } else if (column == dataColumns + 1) {
                outputKeys[i++] = SlicedWindowAggregateOperator.WINDOW_END;
                end = true;
            } else {
                return null;
            }
        }
        if (!end) {
            return null;
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.isDistinct()) {
                return null;
            }
            List<Integer> args = new ArrayList<>();
            for (int arg : call.getArgList()) {
                int column = sourceColumn == null ? arg : sourceColumn[arg];
                if (column >= dataColumns) {
                    return null;
                }
                args.add(column);
            }
            int filter = call.filterArg < 0 ? -1 : sourceColumn == null ? call.filterArg : sourceColumn[call.filterArg];
            if (filter >= dataColumns) {
                return null;
            }
            calls.add(call.copy(args, filter));
        }
        return new SlicedAggregation(window, keys.stream().mapToInt(Integer::intValue).toArray(), outputKeys, calls);
    }

    private static int[] columnsOf(RexProgram program) {
        if (program.getCondition() != null) {
            return null;
        }
        int[] columns = new int[program.getProjectList().size()];
        for (int i = 0; i < columns.length; i++) {
            RexNode expression = program.expandLocalRef(program.getProjectList().get(i));
            if (!(expression instanceof RexInputRef ref)) {
                return null;
            }
            columns[i] = ref.getIndex();
        }
        return columns;
    }
}
