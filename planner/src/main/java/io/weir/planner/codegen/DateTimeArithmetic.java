package io.weir.planner.codegen;

import static io.weir.planner.codegen.CalendarMath.MILLIS_PER_DAY;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;

/**
 * Arithmetic with datetimes and intervals: {@code datetime +/- interval} (Calcite's DATETIME_PLUS and
 * MINUS_DATE), {@code datetime - datetime} as an interval, interval sums, and interval times or divided by a
 * number. Year-month intervals move by calendar months, clamping to the end of the month; day-time
 * intervals are milliseconds.
 */
final class DateTimeArithmetic {

    private DateTimeArithmetic() {
    }

    static boolean applies(Call c) {
        return isTimeRelated(c.type().kind()) || isTimeRelated(c.operandType(0).kind())
                || isTimeRelated(c.operandType(1).kind());
    }

    private static boolean isTimeRelated(TypeKind kind) {
        return kind.isTemporal() || isInterval(kind);
    }

    static boolean isInterval(TypeKind kind) {
        return kind == TypeKind.INTERVAL_DAY_TIME || kind == TypeKind.INTERVAL_YEAR_MONTH;
    }

    static ScalarEvaluator compile(Call c, LongOp op) {
        ScalarEvaluator a = c.operand(0);
        ScalarEvaluator b = c.operand(1);
        TypeKind ak = a.type().kind();
        TypeKind bk = b.type().kind();
        DataType type = c.type();
        switch (op) {
            case ADD, SUBTRACT -> {
                if (isInterval(ak) && isInterval(bk)) {
                    return new LongBinary(a, b, op, type);
                }
                if (ak.isTemporal() && isInterval(bk)) {
                    return shift(a, b, op == LongOp.SUBTRACT, type, c);
                }
                if (isInterval(ak) && bk.isTemporal() && op == LongOp.ADD) {
                    return shift(b, a, false, type, c);
                }
                if (ak.isTemporal() && bk.isTemporal() && op == LongOp.SUBTRACT && isInterval(type.kind())) {
                    return difference(a, b, type, c);
                }
            }
            case MULTIPLY -> {
                if (isInterval(ak) && bk.isNumeric()) {
                    return scale(a, b, false, type);
                }
                if (ak.isNumeric() && isInterval(bk)) {
                    return scale(b, a, false, type);
                }
            }
            case DIVIDE -> {
                if (isInterval(ak) && bk.isNumeric()) {
                    return scale(a, b, true, type);
                }
            }
            default -> {
            }
        }
        throw c.unsupportedTypes();
    }

    /** {@code datetime + interval} (or minus). */
    private static ScalarEvaluator shift(ScalarEvaluator datetime, ScalarEvaluator interval, boolean subtract,
            DataType type, Call c) {
        TypeKind target = type.kind();
        if (Casts.isTimestamp(target) && datetime.type().kind() == TypeKind.DATE) {
            datetime = Casts.cast(datetime, type);
        }
        TypeKind kind = datetime.type().kind();
        long sign = subtract ? -1 : 1;
        if (interval.type().kind() == TypeKind.INTERVAL_YEAR_MONTH) {
            return switch (kind) {
                case TIMESTAMP, TIMESTAMP_LTZ -> Binary.longs(datetime, interval, type,
                        (ts, months) -> CalendarMath.addMonthsToTimestamp(ts, sign * months));
                case DATE -> Binary.longs(datetime, interval, type,
                        (days, months) -> CalendarMath.addMonthsToDate(days, sign * months));
                case TIME -> Retyped.of(datetime, type);
                default -> throw c.unsupportedTypes();
            };
        }
        return switch (kind) {
            case TIMESTAMP, TIMESTAMP_LTZ -> new LongBinary(datetime, interval, subtract ? LongOp.SUBTRACT : LongOp.ADD, type);
            case DATE -> Binary.longs(datetime, interval, type, (days, ms) -> days + sign * (ms / MILLIS_PER_DAY));
            case TIME -> Binary.longs(datetime, interval, type, (t, ms) -> Math.floorMod(t + sign * ms, MILLIS_PER_DAY));
            default -> throw c.unsupportedTypes();
        };
    }

    /** {@code datetime - datetime} as an interval of the result type. */
    private static ScalarEvaluator difference(ScalarEvaluator a, ScalarEvaluator b, DataType type, Call c) {
        TypeKind ak = a.type().kind();
        TypeKind bk = b.type().kind();
        if (ak != bk && !(Casts.isTimestamp(ak) && Casts.isTimestamp(bk))) {
            // DATE against TIMESTAMP: compare both as timestamps.
            if (ak == TypeKind.DATE && Casts.isTimestamp(bk)) {
                a = Casts.cast(a, b.type());
                ak = bk;
            } else if (bk == TypeKind.DATE && Casts.isTimestamp(ak)) {
                b = Casts.cast(b, a.type());
            } else {
                throw c.unsupportedTypes();
            }
        }
        boolean months = type.kind() == TypeKind.INTERVAL_YEAR_MONTH;
        return switch (ak) {
            case TIMESTAMP, TIMESTAMP_LTZ -> months
                    ? Binary.longs(a, b, type, CalendarMath::monthsBetweenTimestamps)
                    : new LongBinary(a, b, LongOp.SUBTRACT, type);
            case DATE -> months
                    ? Binary.longs(a, b, type, CalendarMath::monthsBetweenDates)
                    : Binary.longs(a, b, type, (x, y) -> (x - y) * MILLIS_PER_DAY);
            case TIME -> months ? Constant.ofLong(type, 0) : new LongBinary(a, b, LongOp.SUBTRACT, type);
            default -> throw c.unsupportedTypes();
        };
    }

    /** {@code interval * number} or {@code interval / number}. */
    private static ScalarEvaluator scale(ScalarEvaluator interval, ScalarEvaluator number, boolean divide, DataType type) {
        TypeKind kind = number.type().kind();
        if (kind.isIntegral()) {
            return new LongBinary(interval, number, divide ? LongOp.DIVIDE : LongOp.MULTIPLY, type);
        }
        if (kind == TypeKind.DECIMAL) {
            int s = number.type().decimalScale();
            return divide
                    ? Binary.longs(interval, number, type, (iv, d) -> Decimals.divide(iv, 0, d, s, 0))
                    : Binary.longs(interval, number, type, (iv, d) -> Decimals.multiply(iv, d, s));
        }
        ScalarEvaluator asDouble = Unary.longToDouble(interval, DataType.DOUBLE.withNullable(interval.type().nullable()), v -> v);
        DataType doubleType = DataType.DOUBLE.withNullable(type.nullable());
        ScalarEvaluator product = Binary.doubles(asDouble, number, doubleType, divide ? (x, y) -> {
            if (y == 0) {
                throw Decimals.divisionByZero();
            }
            return x / y;
        } : (x, y) -> x * y);
        return Unary.doubleToLong(product, type, Math::round);
    }
}
