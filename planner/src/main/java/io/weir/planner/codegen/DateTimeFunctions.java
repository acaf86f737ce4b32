package io.weir.planner.codegen;

import static io.weir.planner.codegen.CalendarMath.MILLIS_PER_DAY;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.util.function.LongUnaryOperator;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;

/**
 * EXTRACT (and YEAR(x), HOUR(x)... which Calcite turns into EXTRACT), {@code FLOOR/CEIL(datetime TO unit)},
 * and the query-constant clock functions. The session time zone is UTC, so TIMESTAMP and TIMESTAMP_LTZ
 * values have the same fields; weeks for FLOOR start on Sunday, EXTRACT(WEEK) is the ISO week.
 */
final class DateTimeFunctions {

    private static final long MILLIS_PER_HOUR = 3_600_000L;
    private static final long MILLIS_PER_MINUTE = 60_000L;
    private static final long MILLIS_PER_SECOND = 1_000L;

    private DateTimeFunctions() {
    }

    static void register(FunctionRegistry r) {
        r.add("EXTRACT", DateTimeFunctions::extract);
        r.add("CURRENT_TIMESTAMP", DateTimeFunctions::now);
        r.add("LOCALTIMESTAMP", DateTimeFunctions::now);
        r.add("NOW", DateTimeFunctions::now);
        r.add("PROCTIME", c -> new ProctimeEvaluator(c.type()));
        r.add("CURRENT_DATE", c -> Constant.ofLong(c.type(), Math.floorDiv(c.queryStartMillis(), MILLIS_PER_DAY)));
        r.add("CURRENT_TIME", DateTimeFunctions::timeOfDay);
        r.add("LOCALTIME", DateTimeFunctions::timeOfDay);
        DateTimeFormats.register(r);
    }

    private static ScalarEvaluator now(Call c) {
        return Constant.ofLong(c.type(), truncate(c.queryStartMillis(), c.type()));
    }

    private static ScalarEvaluator timeOfDay(Call c) {
        return Constant.ofLong(c.type(), truncate(Math.floorMod(c.queryStartMillis(), MILLIS_PER_DAY), c.type()));
    }

    /** Drops the fraction digits the type's precision does not keep (CURRENT_TIMESTAMP is TIMESTAMP(0) in Calcite). */
    private static long truncate(long millis, DataType type) {
        int precision = type.precision() < 0 ? 3 : Math.min(type.precision(), 3);
        long unit = Decimals.pow10(3 - precision);
        return Math.floorDiv(millis, unit) * unit;
    }

    private static ScalarEvaluator extract(Call c) {
        TimeUnit unit = c.symbol(0, TimeUnitRange.class).startUnit;
        ScalarEvaluator operand = c.operand(1);
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        LongUnaryOperator f = switch (operand.type().kind()) {
            case DATE -> dateField(unit);
            case TIMESTAMP, TIMESTAMP_LTZ -> timestampField(unit);
            case TIME -> timeField(unit);
            case INTERVAL_DAY_TIME -> dayTimeIntervalField(unit);
            case INTERVAL_YEAR_MONTH -> yearMonthIntervalField(unit);
            default -> null;
        };
        if (f == null) {
            throw WeirException.plan("EXTRACT(" + unit + " FROM " + operand.type().withNullable(true).sqlName() + ") is not supported");
        }
        return Unary.longToLong(operand, c.type(), f);
    }

    /** A field of a date (epoch days); null when the unit has no meaning for dates. */
    private static LongUnaryOperator dateField(TimeUnit unit) {
        return switch (unit) {
            case YEAR -> CalendarMath::year;
            case QUARTER -> d -> (CalendarMath.month(d) - 1) / 3 + 1;
            case MONTH -> CalendarMath::month;
            case WEEK -> CalendarMath::isoWeek;
            case DAY -> CalendarMath::dayOfMonth;
            case DOW -> CalendarMath::dayOfWeek;
            case ISODOW -> CalendarMath::isoDayOfWeek;
            case DOY -> CalendarMath::dayOfYear;
            case DECADE -> d -> Math.floorDiv(CalendarMath.year(d), 10);
            case CENTURY -> d -> centuryOf(CalendarMath.year(d));
            case MILLENNIUM -> d -> millenniumOf(CalendarMath.year(d));
            case EPOCH -> d -> d * 86_400L;
            case HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND -> d -> 0;
            default -> null;
        };
    }

    private static long centuryOf(long year) {
        return year > 0 ? (year + 99) / 100 : -((-year + 99) / 100);
    }

    private static long millenniumOf(long year) {
        return year > 0 ? (year + 999) / 1000 : -((-year + 999) / 1000);
    }

    private static LongUnaryOperator timestampField(TimeUnit unit) {
        return switch (unit) {
            case HOUR -> ms -> Math.floorMod(ms, MILLIS_PER_DAY) / MILLIS_PER_HOUR;
            case MINUTE -> ms -> Math.floorMod(ms, MILLIS_PER_HOUR) / MILLIS_PER_MINUTE;
            case SECOND -> ms -> Math.floorMod(ms, MILLIS_PER_MINUTE) / MILLIS_PER_SECOND;
            // Calcite and Flink: the seconds of the minute, in milliseconds.
            case MILLISECOND -> ms -> Math.floorMod(ms, MILLIS_PER_MINUTE);
            case MICROSECOND -> ms -> Math.floorMod(ms, MILLIS_PER_MINUTE) * 1_000L;
            case NANOSECOND -> ms -> Math.floorMod(ms, MILLIS_PER_MINUTE) * 1_000_000L;
            case EPOCH -> ms -> Math.floorDiv(ms, MILLIS_PER_SECOND);
            default -> {
                LongUnaryOperator onDate = dateField(unit);
                yield onDate == null ? null : ms -> onDate.applyAsLong(Math.floorDiv(ms, MILLIS_PER_DAY));
            }
        };
    }

    private static LongUnaryOperator timeField(TimeUnit unit) {
        return switch (unit) {
            case HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND -> timestampField(unit);
            case EPOCH -> ms -> ms / MILLIS_PER_SECOND;
            default -> null;
        };
    }

    private static LongUnaryOperator dayTimeIntervalField(TimeUnit unit) {
        return switch (unit) {
            case DAY -> ms -> ms / MILLIS_PER_DAY;
            case HOUR -> ms -> (ms % MILLIS_PER_DAY) / MILLIS_PER_HOUR;
            case MINUTE -> ms -> (ms % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE;
            case SECOND -> ms -> (ms % MILLIS_PER_MINUTE) / MILLIS_PER_SECOND;
            case MILLISECOND -> ms -> ms % MILLIS_PER_MINUTE;
            case MICROSECOND -> ms -> (ms % MILLIS_PER_MINUTE) * 1_000L;
            case EPOCH -> ms -> ms / MILLIS_PER_SECOND;
            default -> null;
        };
    }

    private static LongUnaryOperator yearMonthIntervalField(TimeUnit unit) {
        return switch (unit) {
            case YEAR -> m -> m / 12;
            case QUARTER -> m -> (Math.floorMod(m, 12) - 1) / 3 + 1;
            case MONTH -> m -> m % 12;
            default -> null;
        };
    }

    /** {@code FLOOR(datetime TO unit)} or, with {@code ceil}, {@code CEIL(datetime TO unit)}. */
    static ScalarEvaluator floorOrCeil(Call c, boolean ceil) {
        TimeUnit unit = c.symbol(1, TimeUnitRange.class).startUnit;
        ScalarEvaluator operand = c.operand(0);
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        TypeKind kind = operand.type().kind();
        LongUnaryOperator f;
        if (Casts.isTimestamp(kind)) {
            f = timestampRounding(unit, ceil);
        } else if (kind == TypeKind.DATE) {
            f = dateRounding(unit, ceil);
        } else if (kind == TypeKind.TIME) {
            f = timeRounding(unit, ceil);
        } else {
            f = null;
        }
        if (f == null) {
            throw WeirException.plan((ceil ? "CEIL" : "FLOOR") + "(" + operand.type().withNullable(true).sqlName()
                    + " TO " + unit + ") is not supported");
        }
        return Unary.longToLong(operand, c.type(), f);
    }

    private static LongUnaryOperator timestampRounding(TimeUnit unit, boolean ceil) {
        long fixed = switch (unit) {
            case MILLISECOND -> 1;
            case SECOND -> MILLIS_PER_SECOND;
            case MINUTE -> MILLIS_PER_MINUTE;
            case HOUR -> MILLIS_PER_HOUR;
            case DAY -> MILLIS_PER_DAY;
            default -> 0;
        };
        if (fixed > 0) {
            return ceil ? ms -> -Math.floorDiv(-ms, fixed) * fixed : ms -> Math.floorDiv(ms, fixed) * fixed;
        }
        LongUnaryOperator floorDate = dateRounding(unit, false);
        if (floorDate == null) {
            return null;
        }
        LongUnaryOperator floor = ms -> floorDate.applyAsLong(Math.floorDiv(ms, MILLIS_PER_DAY)) * MILLIS_PER_DAY;
        if (!ceil) {
            return floor;
        }
        LongUnaryOperator next = nextBoundary(unit);
        return ms -> {
            long f = floor.applyAsLong(ms);
            return f == ms ? ms : next.applyAsLong(f / MILLIS_PER_DAY) * MILLIS_PER_DAY;
        };
    }

    /** Rounds a date (epoch days) to the unit; units below a day leave it as it is. */
    private static LongUnaryOperator dateRounding(TimeUnit unit, boolean ceil) {
        LongUnaryOperator floor = switch (unit) {
            case YEAR -> d -> CalendarMath.daysFromCivil(CalendarMath.year(d), 1, 1);
            case QUARTER -> d -> CalendarMath.daysFromCivil(CalendarMath.year(d), (CalendarMath.month(d) - 1) / 3 * 3 + 1, 1);
            case MONTH -> d -> CalendarMath.daysFromCivil(CalendarMath.year(d), CalendarMath.month(d), 1);
            case WEEK -> d -> d - (CalendarMath.dayOfWeek(d) - 1);
            case DAY, HOUR, MINUTE, SECOND, MILLISECOND -> d -> d;
            default -> null;
        };
        if (floor == null || !ceil) {
            return floor;
        }
        LongUnaryOperator next = nextBoundary(unit);
        return d -> {
            long f = floor.applyAsLong(d);
            return f == d ? d : next.applyAsLong(f);
        };
    }

    /** From the start of a unit (epoch days) to the start of the next one. */
    private static LongUnaryOperator nextBoundary(TimeUnit unit) {
        return switch (unit) {
            case YEAR -> d -> CalendarMath.addMonthsToDate(d, 12);
            case QUARTER -> d -> CalendarMath.addMonthsToDate(d, 3);
            case MONTH -> d -> CalendarMath.addMonthsToDate(d, 1);
            case WEEK -> d -> d + 7;
            default -> d -> d + 1;
        };
    }

    private static LongUnaryOperator timeRounding(TimeUnit unit, boolean ceil) {
        return switch (unit) {
            case HOUR, MINUTE, SECOND, MILLISECOND -> {
                LongUnaryOperator onTimestamp = timestampRounding(unit, ceil);
                yield t -> Math.floorMod(onTimestamp.applyAsLong(t), MILLIS_PER_DAY);
            }
            default -> null;
        };
    }
}
