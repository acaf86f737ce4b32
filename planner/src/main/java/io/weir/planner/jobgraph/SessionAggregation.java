package io.weir.planner.jobgraph;

import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.physical.CalcPhysicalRel;
import io.weir.planner.physical.ExchangePhysicalRel;
import io.weir.planner.physical.WindowAggregatePhysicalRel;
import io.weir.planner.physical.WindowTableFunctionPhysicalRel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * A streaming aggregate over SESSION windows that can run as one session-window aggregation, keeping a few
 * accumulators per session instead of holding every row of an open session (the session TVF must hold them,
 * and a key that never pauses would hold rows without bound).
 *
 * <p>It matches {@code WindowAggregate <- [column-only Calc] <- SESSION TVF <- Exchange(PARTITION BY)} where
 * the aggregate groups by exactly the partition keys plus the window bounds, and its arguments are columns of
 * the TVF's input. {@code sourceColumn[i]} is the TVF column the aggregate's input column i reads.
 */
record SessionAggregation(WindowTableFunctionPhysicalRel window, RelNode source, int[] partitionKeys,
        int[] sourceColumn, List<AggregateCall> calls) {

    /** Where each output column of the aggregate comes from in the session operator's output. */
    enum Role { KEY, START, END, TIME, CALL }

    static SessionAggregation match(WindowAggregatePhysicalRel aggregate) {
        RelNode input = aggregate.getInput();
        int[] sourceColumn = identity(input.getRowType().getFieldCount());
        if (input instanceof CalcPhysicalRel calc) {
            sourceColumn = columnsOf(calc.getProgram());
            if (sourceColumn == null) {
                return null;
            }
            input = calc.getInput();
        }
        if (!(input instanceof WindowTableFunctionPhysicalRel window)
                || window.window().kind() != WindowTableFunction.Kind.SESSION
                || !(window.getInput() instanceof ExchangePhysicalRel exchange)) {
            return null;
        }
        int dataColumns = window.getRowType().getFieldCount() - 3;
        Set<Integer> keys = new HashSet<>();
        boolean start = false;
        boolean end = false;
        for (int key : aggregate.getGroupSet()) {
            int column = sourceColumn[key];
            start |= column == dataColumns;
            end |= column == dataColumns + 1;
            if (column < dataColumns) {
                keys.add(column);
            }
        }
        int[] partitionKeys = exchange.keys();
        if (!start || !end || !keys.equals(toSet(partitionKeys))) {
            return null;
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            List<Integer> args = new ArrayList<>();
            for (int arg : call.getArgList()) {
                if (sourceColumn[arg] >= dataColumns) {
                    return null;
                }
                args.add(sourceColumn[arg]);
            }
            int filter = call.filterArg < 0 ? -1 : sourceColumn[call.filterArg];
            if (filter >= dataColumns) {
                return null;
            }
            calls.add(call.copy(args, filter));
        }
        return new SessionAggregation(window, exchange.getInput(), partitionKeys, sourceColumn, calls);
    }

    /** The role of the aggregate's output column {@code i} (group keys first, then calls). */
    Role role(WindowAggregatePhysicalRel aggregate, int i) {
        int groups = aggregate.getGroupCount();
        if (i >= groups) {
            return Role.CALL;
        }
        int column = sourceColumn[aggregate.getGroupSet().nth(i)];
        int dataColumns = window.getRowType().getFieldCount() - 3;
        return column < dataColumns ? Role.KEY : column == dataColumns ? Role.START
                : column == dataColumns + 1 ? Role.END : Role.TIME;
    }

    /** For a KEY output column: its position among the partition keys. */
    int keyPosition(WindowAggregatePhysicalRel aggregate, int i) {
        int column = sourceColumn[aggregate.getGroupSet().nth(i)];
        for (int k = 0; k < partitionKeys.length; k++) {
            if (partitionKeys[k] == column) {
                return k;
            }
        }
        throw new IllegalStateException("Not a partition key: " + column);
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

    private static int[] identity(int count) {
        int[] columns = new int[count];
        Arrays.setAll(columns, i -> i);
        return columns;
    }

    private static Set<Integer> toSet(int[] values) {
        Set<Integer> set = new HashSet<>();
        for (int v : values) {
            set.add(v);
        }
        return set;
    }
}
