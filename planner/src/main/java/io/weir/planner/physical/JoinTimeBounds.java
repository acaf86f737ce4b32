package io.weir.planner.physical;

import io.weir.executor.data.DataType;
import io.weir.planner.codegen.DataTypes;
import io.weir.planner.validate.TimeIndicatorType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Conjuncts of a regular streaming join's condition that bound how long one side's rows can still find a match:
 * {@code s.t >= o.r - c} (also written {@code >}, mirrored with {@code <}/{@code <=}, or as part of a
 * {@code BETWEEN}), where {@code s.t} is a timestamp column of one side, {@code c} a day-time interval literal (or
 * nothing, or added), and {@code o.r} a column of the other side whose later values the watermark bounds:
 * <ul>
 *   <li>the window_end of an event-time window aggregate: the other side sends no window_end below
 *       {@code watermark + 2} any more, so {@code s} rows with {@code t < watermark + 2 - c} can match nothing that
 *       comes; and where those ends lie on a grid (tumbling, hopping, cumulating windows), a row can only meet the
 *       last grid point at or below {@code t + c} (Nexmark q7: a bid is kept until the window holding it closes,
 *       not for 10 s);</li>
 *   <li>the other side's rowtime, when the condition bounds both sides' rowtimes by each other (an <em>interval
 *       join</em>, {@code a.t BETWEEN b.t - X AND b.t + Y}): as Flink does, the join then drops late rows of both
 *       sides, so later rows have a time above the watermark, and {@code s} rows with
 *       {@code t < watermark + 1 - c} can match nothing that comes. With a bound on one side only the join stays a
 *       regular one (late rows join too), as in Flink.</li>
 * </ul>
 *
 * @param column     per input, the bounded time column, or -1
 * @param slack      per input with a column: rows are kept while {@code column >= watermark + 1 - slack}
 * @param lateColumn per input of an interval join, its rowtime column by which late rows are dropped, else -1
 * @param gridStep   per input with a column: the step of the grid the bounding window ends lie on (1: none)
 * @param gridOffset per input with a column: the grid's offset, in {@code [0, gridStep)}
 */
public record JoinTimeBounds(int[] column, long[] slack, int[] lateColumn, long[] gridStep, long[] gridOffset) {

    /** No side is bounded. */
    public static final JoinTimeBounds NONE = new JoinTimeBounds(new int[] {-1, -1}, new long[2], new int[] {-1, -1},
            new long[] {1, 1}, new long[2]);

    public boolean bounds(int input) {
        return column[input] >= 0;
    }

    /** True for an interval join: both sides' rowtimes bound each other, and late rows are dropped. */
    public boolean isInterval() {
        return lateColumn[0] >= 0;
    }

    /**
     * A bound of one side, found in one conjunct: by a window end on {@code grid}, or by the other side's rowtime
     * {@code reference}.
     */
    private record Bound(int column, long slack, int reference, WindowEnds.Grid grid) {
    }

    static JoinTimeBounds of(StreamingJoinPhysicalRel join, JoinKeys keys) {
        if (keys.residual() == null) {
            return NONE;
        }
        int leftCount = join.getLeft().getRowType().getFieldCount();
        List<RelDataTypeField> fields = new ArrayList<>(join.getLeft().getRowType().getFieldList());
        fields.addAll(join.getRight().getRowType().getFieldList());
        List<DataType> types = DataTypes.toDataTypes(join.getRowType());
        Bound[] byWindowEnd = new Bound[2];
        Bound[] byRowtime = new Bound[2];
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
            // greater = time - a >= lesser = reference - b, i.e. time >= reference - (b - a).
            long[] timeMinus = columnMinusInterval(greater);
            long[] reference = columnMinusInterval(lesser);
            if (timeMinus == null || reference == null) {
                continue;
            }
            int timeIndex = (int) timeMinus[0];
            long offset = reference[1] - timeMinus[1];
            int timeSide = timeIndex < leftCount ? 0 : 1;
            int referenceSide = reference[0] < leftCount ? 0 : 1;
            DataType timeType = types.get(timeIndex);
            if (timeSide == referenceSide || !isTimestamp(timeType)
                    || timeType.kind() != types.get((int) reference[0]).kind()) {
                continue;
            }
            int timeColumn = timeIndex - (timeSide == 0 ? 0 : leftCount);
            int referenceColumn = (int) reference[0] - (referenceSide == 0 ? 0 : leftCount);
            RelNode referenceInput = referenceSide == 0 ? join.getLeft() : join.getRight();
            WindowEnds.Grid grid = WindowEnds.windowEndGrid(referenceInput, referenceColumn);
            if (grid != null) {
                byWindowEnd[timeSide] = tighter(byWindowEnd[timeSide], new Bound(timeColumn, offset - 1, -1, grid));
            } else if (TimeIndicatorType.isRowtime(fields.get(timeIndex).getType())
                    && TimeIndicatorType.isRowtime(fields.get((int) reference[0]).getType())) {
                byRowtime[timeSide] = tighter(byRowtime[timeSide],
                        new Bound(timeColumn, offset, referenceColumn, WindowEnds.Grid.ANY));
            }
        }
        boolean interval = byRowtime[0] != null && byRowtime[1] != null;
        int[] column = {-1, -1};
        long[] slack = new long[2];
        int[] lateColumn = {-1, -1};
        long[] gridStep = {1, 1};
        long[] gridOffset = new long[2];
        for (int side = 0; side < 2; side++) {
            Bound bound = interval ? tighter(byWindowEnd[side], byRowtime[side]) : byWindowEnd[side];
            if (bound != null) {
                column[side] = bound.column();
                slack[side] = bound.slack();
                gridStep[side] = bound.grid().step();
                gridOffset[side] = bound.grid().offset();
            }
            if (interval) {
                // The other side's bound reads this side's rowtime: its later values are above the watermark only
                // because this side's late rows are dropped.
                lateColumn[side] = byRowtime[1 - side].reference();
            }
        }
        return new JoinTimeBounds(column, slack, lateColumn, gridStep, gridOffset);
    }

    /** Of two bounds of one side, the one that frees rows sooner (the smaller slack). */
    private static Bound tighter(Bound a, Bound b) {
        return a == null || b != null && b.slack() < a.slack() ? b : a;
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
