package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import java.math.BigDecimal;

/**
 * CAST between Weir's types, and the coercions the compiler inserts where Calcite leaves mixed operand
 * types (INT against DECIMAL, BIGINT against DOUBLE).
 *
 * <p>Rules (Flink's): DOUBLE and DECIMAL to an integer truncate toward zero; anything to DECIMAL rounds
 * HALF_UP; a value out of the target's range is an EXECUTION error; TIMESTAMP and TIMESTAMP_LTZ have the
 * same value in the UTC session zone; CHAR is not padded.
 */
final class Casts {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Casts() {
    }

    static ScalarEvaluator cast(ScalarEvaluator from, DataType to) {
        ScalarEvaluator cast = compileCast(from, to);
        return from instanceof Constant ? Folding.fold(cast) : cast;
    }

    /**
     * True when the two types store the same value the same way (the vector can be re-labelled): integers
     * of any width and DECIMAL(p, 0), decimals of one scale, any two strings, TIMESTAMP and TIMESTAMP_LTZ.
     */
    static boolean sameRepresentation(DataType a, DataType b) {
        TypeKind x = a.kind();
        TypeKind y = b.kind();
        if (x == y) {
            return x != TypeKind.DECIMAL || a.decimalScale() == b.decimalScale();
        }
        if (isScaledLong(x) && isScaledLong(y)) {
            return a.decimalScale() == b.decimalScale();
        }
        return (x.isCharacter() && y.isCharacter())
                || (isDouble(x) && isDouble(y))
                || (isTimestamp(x) && isTimestamp(y));
    }

    static boolean isScaledLong(TypeKind kind) {
        return kind.isIntegral() || kind == TypeKind.DECIMAL;
    }

    static boolean isDouble(TypeKind kind) {
        return kind == TypeKind.DOUBLE || kind == TypeKind.FLOAT;
    }

    static boolean isTimestamp(TypeKind kind) {
        return kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMP_LTZ;
    }

    private static ScalarEvaluator compileCast(ScalarEvaluator from, DataType to) {
        DataType src = from.type();
        TypeKind s = src.kind();
        TypeKind t = to.kind();
        if (s == TypeKind.NULL) {
            return Constant.nullOf(to);
        }
        if (t.isCharacter()) {
            return s.isCharacter() ? Retyped.of(from, to) : TextCasts.format(from, to);
        }
        if (s.isCharacter()) {
            return TextCasts.parse(from, to);
        }
        return switch (t) {
            case BOOLEAN -> toBoolean(from, to);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> toIntegral(from, to);
            case DECIMAL -> toDecimal(from, to);
            case FLOAT, DOUBLE -> toDouble(from, to);
            case DATE -> toDate(from, to);
            case TIME -> toTime(from, to);
            case TIMESTAMP, TIMESTAMP_LTZ -> toTimestamp(from, to);
            case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> s == t ? Retyped.of(from, to) : unsupported(src, to);
            default -> unsupported(src, to);
        };
    }

    private static ScalarEvaluator unsupported(DataType from, DataType to) {
        throw WeirException.plan("Cannot cast " + from.withNullable(true).sqlName() + " to " + to.withNullable(true).sqlName());
    }

    private static ScalarEvaluator toBoolean(ScalarEvaluator from, DataType to) {
        TypeKind s = from.type().kind();
        if (s == TypeKind.BOOLEAN) {
            return Retyped.of(from, to);
        }
        if (isScaledLong(s)) {
            return Unary.longToBoolean(from, to, v -> v != 0);
        }
        if (isDouble(s)) {
            return Unary.doubleToBoolean(from, to, v -> v != 0);
        }
        return unsupported(from.type(), to);
    }

    private static ScalarEvaluator toIntegral(ScalarEvaluator from, DataType to) {
        DataType src = from.type();
        TypeKind s = src.kind();
        TypeKind t = to.kind();
        if (s.isIntegral() || s == TypeKind.INTERVAL_DAY_TIME || s == TypeKind.INTERVAL_YEAR_MONTH) {
            if (t == TypeKind.BIGINT || (s.isIntegral() && s.ordinal() <= t.ordinal())) {
                return Retyped.of(from, to);
            }
            return Unary.longToLong(from, to, v -> checkRange(v, t));
        }
        if (s == TypeKind.DECIMAL) {
            if (src.decimalScale() > 18) {
                return Unary.longToLong(from, to, v -> 0); // |value| < 1: truncates to zero
            }
            long divisor = Decimals.pow10(src.decimalScale());
            return Unary.longToLong(from, to, v -> checkRange(v / divisor, t));
        }
        if (isDouble(s)) {
            return Unary.doubleToLong(from, to, d -> checkRange(truncate(d, t), t));
        }
        if (s == TypeKind.BOOLEAN) {
            return Unary.booleanToLong(from, to, v -> v);
        }
        return unsupported(src, to);
    }

    private static long checkRange(long v, TypeKind kind) {
        if (kind != TypeKind.BIGINT) {
            Values.checkRange(v, kind);
        }
        return v;
    }

    private static long truncate(double d, TypeKind kind) {
        // 2^63 is exactly representable; anything at or beyond it (and NaN) has no long value.
        if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
            throw WeirException.execution("Value " + d + " is out of range for " + kind);
        }
        return (long) d;
    }

    private static ScalarEvaluator toDecimal(ScalarEvaluator from, DataType to) {
        DataType src = from.type();
        TypeKind s = src.kind();
        int scale = to.decimalScale();
        if (isScaledLong(s)) {
            int sourceScale = src.decimalScale();
            if (sourceScale == scale && precisionCovers(src, to)) {
                return Retyped.of(from, to);
            }
            return Unary.longToLong(from, to, v -> Decimals.checkPrecision(Decimals.rescale(v, sourceScale, scale), to));
        }
        if (isDouble(s)) {
            return Unary.doubleToLong(from, to, d -> {
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw WeirException.execution("Value " + d + " does not fit " + to.withNullable(true).sqlName());
                }
                return Values.toUnscaled(BigDecimal.valueOf(d), to);
            });
        }
        if (s == TypeKind.BOOLEAN) {
            long one = Decimals.pow10(scale);
            return Unary.booleanToLong(from, to, v -> v * one);
        }
        return unsupported(src, to);
    }

    /** True when every value of {@code src} (a scaled long of the same scale) fits {@code to}'s precision. */
    private static boolean precisionCovers(DataType src, DataType to) {
        if (to.precision() <= 0 || to.precision() >= DataType.MAX_DECIMAL_PRECISION) {
            return true;
        }
        int srcDigits = switch (src.kind()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> src.precision() > 0 ? src.precision() : DataType.MAX_DECIMAL_PRECISION;
        };
        return srcDigits <= to.precision();
    }

    private static ScalarEvaluator toDouble(ScalarEvaluator from, DataType to) {
        DataType src = from.type();
        TypeKind s = src.kind();
        if (isDouble(s)) {
            return Retyped.of(from, to);
        }
        if (s.isIntegral()) {
            return Unary.longToDouble(from, to, v -> (double) v);
        }
        if (s == TypeKind.DECIMAL) {
            int scale = src.decimalScale();
            return Unary.longToDouble(from, to, v -> Decimals.toDouble(v, scale));
        }
        if (s == TypeKind.BOOLEAN) {
            return toDouble(Unary.booleanToLong(from, DataType.BIGINT.withNullable(src.nullable()), v -> v), to);
        }
        return unsupported(src, to);
    }

    private static ScalarEvaluator toDate(ScalarEvaluator from, DataType to) {
        TypeKind s = from.type().kind();
        if (s == TypeKind.DATE) {
            return Retyped.of(from, to);
        }
        if (isTimestamp(s)) {
            return Unary.longToLong(from, to, ms -> Math.floorDiv(ms, MILLIS_PER_DAY));
        }
        return unsupported(from.type(), to);
    }

    private static ScalarEvaluator toTime(ScalarEvaluator from, DataType to) {
        DataType src = from.type();
        TypeKind s = src.kind();
        long unit = Decimals.pow10(3 - millisDigits(to));
        if (s == TypeKind.TIME) {
            return millisDigits(to) >= millisDigits(src) ? Retyped.of(from, to)
                    : Unary.longToLong(from, to, ms -> Math.floorDiv(ms, unit) * unit);
        }
        if (isTimestamp(s)) {
            return Unary.longToLong(from, to, ms -> Math.floorDiv(Math.floorMod(ms, MILLIS_PER_DAY), unit) * unit);
        }
        return unsupported(src, to);
    }

    /** Fraction digits a TIME or TIMESTAMP keeps, at most 3 (values are milliseconds). */
    private static int millisDigits(DataType type) {
        return type.precision() < 0 ? 3 : Math.min(type.precision(), 3);
    }

    private static ScalarEvaluator toTimestamp(ScalarEvaluator from, DataType to) {
        DataType src = from.type();
        TypeKind s = src.kind();
        if (s == TypeKind.DATE) {
            return Unary.longToLong(from, to, days -> Math.multiplyExact(days, MILLIS_PER_DAY));
        }
        if (!isTimestamp(s)) {
            return unsupported(src, to);
        }
        int target = millisDigits(to);
        if (target >= millisDigits(src)) {
            return Retyped.of(from, to);
        }
        long unit = Decimals.pow10(3 - target);
        return Unary.longToLong(from, to, ms -> Math.floorDiv(ms, unit) * unit);
    }
}
