package io.weir.planner.codegen;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import java.math.BigDecimal;
import java.util.Calendar;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Calcite's literal values in Weir's representation (see {@link io.weir.executor.data.TypeKind}). Calcite's
 * internal forms are the same as ours for temporal values (days, millis of day, epoch millis, interval
 * millis or months), so this is a change of wrapper, not of meaning.
 */
final class Literals {

    private Literals() {
    }

    static Constant constant(RexLiteral literal, DataType type) {
        if (literal.isNull()) {
            return Constant.nullOf(type);
        }
        return fromValue(literal.getValue(), type);
    }

    /**
     * A constant from a literal's value ({@code RexLiteral.getValue()} or a point of a {@code Sarg}):
     * BigDecimal, NlsString, DateString, TimeString, TimestampString, Boolean, Calendar or an enum symbol.
     */
    static Constant fromValue(Comparable<?> value, DataType type) {
        if (value == null) {
            return Constant.nullOf(type);
        }
        return switch (type.physical()) {
            case BOOLEAN -> Constant.ofBoolean(type, (Boolean) value);
            case DOUBLE -> Constant.ofDouble(type, ((Number) value).doubleValue());
            case STRING -> Constant.ofString(type, text(value));
            case LONG -> Constant.ofLong(type, toLong(value, type));
        };
    }

    private static String text(Comparable<?> value) {
        if (value instanceof NlsString nls) {
            return nls.getValue();
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name();
        }
        return value.toString();
    }

    private static long toLong(Comparable<?> value, DataType type) {
        switch (type.kind()) {
            case DECIMAL:
                return Values.toUnscaled(toBigDecimal(value), type);
            case DATE:
                if (value instanceof DateString d) {
                    return d.getDaysSinceEpoch();
                }
                if (value instanceof Calendar c) {
                    return Math.floorDiv(c.getTimeInMillis(), 86_400_000L);
                }
                break;
            case TIME:
                if (value instanceof TimeString t) {
                    return t.getMillisOfDay();
                }
                if (value instanceof Calendar c) {
                    return Math.floorMod(c.getTimeInMillis(), 86_400_000L);
                }
                break;
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                if (value instanceof TimestampString ts) {
                    return ts.getMillisSinceEpoch();
                }
                if (value instanceof Calendar c) {
                    return c.getTimeInMillis();
                }
                break;
            default:
                break;
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw WeirException.plan("Literal " + d.toPlainString() + " does not fit " + type.sqlName());
            }
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw WeirException.plan("Literal " + value + " of type " + type.sqlName() + " is not supported");
    }

    static BigDecimal toBigDecimal(Comparable<?> value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw WeirException.plan("Literal " + value + " is not a number");
    }
}
