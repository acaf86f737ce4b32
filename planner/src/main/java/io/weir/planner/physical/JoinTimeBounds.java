package io.weir.planner.physical;

import io.weir.executor.data.DataType;
import io.weir.planner.codegen.DataTypes;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Conjuncts of a regular streaming join's condition that bound how long one side's rows can still find a match:
 * {@code s.t >= o.window_end - c} (also written {@code >}, mirrored with {@code <}/{@code <=}, or as part of a
 * {@code BETWEEN}), where {@code s.t} is a timestamp column of one side and {@code o.window_end} the window_end of
 * an event-time window aggregate on the other side, minus or plus a day-time interval literal (or nothing). The
 * other side sends no window_end below {@code watermark + 2} any more, so a row of {@code s} with
 * {@code t < watermark + 2 - c} can match nothing that comes (Nexmark q7: every bid is kept only for the 10 s before
 * the windows still to close).
 *
 * @param column per input, the bounded time column, or -1
 * @param offset per input with a column, {@code c} in milliseconds
 */
public record JoinTimeBounds(int[] column, long[] offset) {

    /** No side is bounded. */
    public static final JoinTimeBounds NONE = new JoinTimeBounds(new int[] {-1, -1}, new long[2]);

    public boolean bounds(int input) {
        return column[input] >= 0;
    }

    static JoinTimeBounds of(StreamingJoinPhysicalRel join, JoinKeys keys) {
        if (keys.residual() == null) {
            return NONE;
        }
        int[] column = {-1, -1};
        long[] offset = new long[2];
        int leftCount = join.getLeft().getRowType().getFieldCount();
        List<DataType> types = DataTypes.toDataTypes(join.getRowType());
        for (RexNode conjunct : RelOptUtil.conjunctions(keys.residual())) {
            if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
                continue;
            }
            RexNode greater;
            RexNode lesser;
            switch (call.getKind()) {
                case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                    greater = call.getOperands().get(0);
                    lesser = call.getOperands().get(1);
                }
                case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                    greater = call.getOperands().get(1);
                    lesser = call.getOperands().get(0);
                }
                default -> {
                    continue;
                }
            }
            long[] end = columnMinusInterval(lesser);
            if (!(greater instanceof RexInputRef time) || end == null) {
                continue;
            }
            int timeSide = time.getIndex() < leftCount ? 0 : 1;
            int endSide = end[0] < leftCount ? 0 : 1;
            DataType timeType = types.get(time.getIndex());
            DataType endType = types.get((int) end[0]);
            if (timeSide == endSide || !isTimestamp(timeType) || timeType.kind() != endType.kind()) {
                continue;
            }
            RelNode endInput = endSide == 0 ? join.getLeft() : join.getRight();
            int endColumn = (int) end[0] - (endSide == 0 ? 0 : leftCount);
            if (!WindowEnds.isEventTimeWindowEnd(endInput, endColumn)) {
                continue;
            }
            // Of several bounds on one side the tightest (smallest offset) frees rows soonest.
            if (column[timeSide] < 0 || end[1] < offset[timeSide]) {
                column[timeSide] = time.getIndex() - (timeSide == 0 ? 0 : leftCount);
                offset[timeSide] = end[1];
            }
        }
        return new JoinTimeBounds(column, offset);
    }

    private static boolean isTimestamp(DataType type) {
        return switch (type.kind()) {
            case TIMESTAMP, TIMESTAMP_LTZ -> true;
            default -> false;
        };
    }

    /** {@code {column, c}} when {@code node} is {@code column}, {@code column - c} or {@code column + -c}; else null. */
    private static long[] columnMinusInterval(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return new long[] {ref.getIndex(), 0};
        }
        if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
            return null;
        }
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        switch (call.getKind()) {
            case MINUS:
                if (a instanceof RexInputRef ref && millis(b) != null) {
                    return new long[] {ref.getIndex(), millis(b)};
                }
                return null;
            case PLUS:
                if (a instanceof RexInputRef ref && millis(b) != null) {
                    return new long[] {ref.getIndex(), -millis(b)};
                }
                if (b instanceof RexInputRef ref && millis(a) != null) {
                    return new long[] {ref.getIndex(), -millis(a)};
                }
                return null;
            default:
                return null;
        }
    }

    /** The milliseconds of a day-time interval literal, or null. */
    private static Long millis(RexNode node) {
        if (node instanceof RexLiteral literal && literal.getValue() != null
                && literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
            return literal.getValueAs(Long.class);
        }
        return null;
    }
}
