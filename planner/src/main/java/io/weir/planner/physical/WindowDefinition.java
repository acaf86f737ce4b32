package io.weir.planner.physical;

import io.weir.executor.api.WeirException;
import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.validate.TimeIndicatorType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * A window TVF call read off Calcite's {@code TableFunctionScan}: which windows, over which time column, with
 * sizes in milliseconds (checked: positive, and a whole number of slides/steps as Flink requires).
 *
 * @param slideMillis the HOP slide or CUMULATE step; the size for TUMBLE; the gap for SESSION
 * @param eventTime   false when the time column is a {@code PROCTIME()} attribute
 */
public record WindowDefinition(WindowTableFunction.Kind kind, int timeColumn, long sizeMillis, long slideMillis,
        long offsetMillis, boolean eventTime) {

    /** The definition if {@code scan} calls one of Weir's window functions, else null. */
    public static WindowDefinition of(TableFunctionScan scan) {
        if (!(scan.getCall() instanceof RexCall call) || !(call.getOperator() instanceof WindowTableFunction function)) {
            return null;
        }
        List<RexNode> operands = call.getOperands();
        RexNode descriptor = ((RexCall) operands.get(0)).getOperands().get(0);
        int timeColumn = ((RexInputRef) descriptor).getIndex();
        boolean eventTime = !TimeIndicatorType.isProctime(descriptor.getType());
        WindowTableFunction.Kind kind = function.windowKind();
        return switch (kind) {
            case TUMBLE -> {
                long size = positive(operands.get(1), "size");
                yield new WindowDefinition(kind, timeColumn, size, size, offset(operands, 2), eventTime);
            }
            case HOP, CUMULATE -> {
                String step = kind == WindowTableFunction.Kind.HOP ? "slide" : "step";
                long slide = positive(operands.get(1), step);
                long size = positive(operands.get(2), "size");
                if (size % slide != 0) {
                    throw WeirException.validation("The " + kind + " window size (" + size + " ms) must be a whole "
                            + "multiple of its " + step + " (" + slide + " ms)");
                }
                yield new WindowDefinition(kind, timeColumn, size, slide, offset(operands, 3), eventTime);
            }
            case SESSION -> {
                long gap = positive(operands.get(operands.size() - 1), "gap");
                yield new WindowDefinition(kind, timeColumn, gap, gap, 0, eventTime);
            }
        };
    }

    private static long offset(List<RexNode> operands, int index) {
        return operands.size() > index ? millis(operands.get(index), "offset") : 0;
    }

    private static long positive(RexNode operand, String what) {
        long millis = millis(operand, what);
        if (millis <= 0) {
            throw WeirException.validation("The window " + what + " must be positive, got " + millis + " ms");
        }
        return millis;
    }

    private static long millis(RexNode operand, String what) {
        if (!(operand instanceof RexLiteral literal) || literal.getValueAs(BigDecimal.class) == null) {
            throw WeirException.validation("The window " + what + " must be a constant interval");
        }
        if (literal.getType().getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
            throw WeirException.validation("The window " + what + " must be a day-time interval (such as "
                    + "INTERVAL '10' SECOND), not " + literal.getType());
        }
        return literal.getValueAs(BigDecimal.class).longValueExact();
    }

    public String describe() {
        return kind + "(time=$" + timeColumn + ", " + (kind == WindowTableFunction.Kind.SESSION ? "gap" : "size")
                + "=" + sizeMillis + "ms" + (kind == WindowTableFunction.Kind.HOP || kind == WindowTableFunction.Kind.CUMULATE
                        ? ", step=" + slideMillis + "ms" : "")
                + (offsetMillis != 0 ? ", offset=" + offsetMillis + "ms" : "") + (eventTime ? "" : ", proctime") + ")";
    }
}
