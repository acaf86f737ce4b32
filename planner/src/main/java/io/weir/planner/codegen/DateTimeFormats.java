package io.weir.planner.codegen;

import static io.weir.planner.codegen.RowFunction.lng;
import static io.weir.planner.codegen.RowFunction.set;
import static io.weir.planner.codegen.RowFunction.str;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flink's text/time conversions with Java {@code DateTimeFormatter} patterns ({@code yyyy-MM-dd HH:mm:ss}):
 * DATE_FORMAT, TO_TIMESTAMP, TO_DATE, FROM_UNIXTIME and UNIX_TIMESTAMP. Text that does not match gives
 * NULL (UNIX_TIMESTAMP: {@code Long.MIN_VALUE}), as in Flink; an invalid literal pattern is a
 * VALIDATION error at compile time.
 */
final class DateTimeFormats {

    private static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";
    private static final int MAX_CACHED = 64;
    private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private DateTimeFormats() {
    }

    static void register(FunctionRegistry r) {
        r.add("DATE_FORMAT", DateTimeFormats::dateFormat);
        r.add("TO_TIMESTAMP", DateTimeFormats::toTimestamp);
        r.add("TO_DATE", DateTimeFormats::toDate);
        r.add("FROM_UNIXTIME", DateTimeFormats::fromUnixtime);
        r.add("UNIX_TIMESTAMP", DateTimeFormats::unixTimestamp);
    }

    /** The formatter of a literal pattern, compiled now; null when the pattern comes from a column. */
    private static DateTimeFormatter literalFormat(Call c, int operand) {
        if (operand >= c.arity()) {
            return formatter(DEFAULT_TIMESTAMP_FORMAT);
        }
        if (!c.isConstant(operand) || c.constant(operand).isNull()) {
            return null;
        }
        String pattern = c.constant(operand).stringValue();
        try {
            return formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw WeirException.validation("Invalid date/time format '" + pattern + "': " + e.getMessage());
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter f = FORMATTERS.get(pattern);
        if (f == null) {
            if (FORMATTERS.size() >= MAX_CACHED) {
                FORMATTERS.clear();
            }
            f = DateTimeFormatter.ofPattern(pattern);
            FORMATTERS.put(pattern, f);
        }
        return f;
    }

    /** The formatter of row {@code row}'s pattern; an invalid one fails the query, naming it. */
    private static DateTimeFormatter rowFormat(DateTimeFormatter literal, String pattern) {
        if (literal != null) {
            return literal;
        }
        try {
            return formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw WeirException.execution("Invalid date/time format '" + pattern + "': " + e.getMessage());
        }
    }

    /** DATE_FORMAT(timestamp | date | string, format). A string is first read as a timestamp. */
    private static ScalarEvaluator dateFormat(Call c) {
        DateTimeFormatter literal = literalFormat(c, 1);
        TypeKind kind = c.operandType(0).kind();
        if (kind.isCharacter()) {
            return StringFunctions.strict(c, (a, i, o) -> {
                LocalDateTime ts = parseDefault(str(a, 0, i));
                set(o, i, ts == null ? null : rowFormat(literal, str(a, 1, i)).format(ts));
            });
        }
        ScalarEvaluator operand = kind == TypeKind.DATE
                ? Casts.cast(c.operand(0), DataType.TIMESTAMP.withNullable(c.operandType(0).nullable())) : c.operand(0);
        if (!Casts.isTimestamp(operand.type().kind())) {
            throw c.unsupportedTypes();
        }
        long unit = literal == null ? 0 : unitMillis(c.constant(1).stringValue());
        if (unit > 0) {
            LastFormatted[] last = {new LastFormatted(Long.MIN_VALUE, null)};
            return RowFunction.strict(List.of(operand), c.type(), (a, i, o) -> {
                long millis = lng(a, 0, i);
                long slot = Math.floorDiv(millis, unit);
                LastFormatted seen = last[0];
                if (seen.slot() != slot || seen.text() == null) {
                    seen = new LastFormatted(slot, format(literal, millis));
                    last[0] = seen;
                }
                set(o, i, seen.text());
            });
        }
        return RowFunction.strict(List.of(operand, StringFunctions.text(c.operand(1))), c.type(),
                (a, i, o) -> set(o, i, format(rowFormat(literal, str(a, 1, i)), lng(a, 0, i))));
    }

    /**
     * The text of the last formatted time unit. Shared by the subtasks that share the evaluator: a racing reader
     * sees an old record or a new one, each whole and right for its slot.
     */
    private record LastFormatted(long slot, String text) {
    }

    /**
     * The length of the time unit a pattern's text changes with at the finest (a day for {@code yyyy-MM-dd}, a
     * minute for {@code HH:mm}), so that rows of one unit, which in a stream mostly come one after another, share one
     * formatting; 0 when the pattern has a field this does not know. Times are UTC, where every day has 86 400 s.
     */
    static long unitMillis(String pattern) {
        long unit = 86_400_000L;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
                continue;
            }
            if (quoted || !Character.isLetter(ch)) {
                continue;
            }
            long letter = switch (ch) {
                case 'G', 'u', 'y', 'Y', 'D', 'M', 'L', 'd', 'Q', 'q', 'w', 'W', 'E', 'e', 'c', 'F' -> 86_400_000L;
                case 'a', 'h', 'K', 'k', 'H' -> 3_600_000L;
                case 'm' -> 60_000L;
                case 's' -> 1_000L;
                case 'S' -> 1L;
                default -> 0L;
            };
            if (letter == 0) {
                return 0;
            }
            unit = Math.min(unit, letter);
        }
        return unit;
    }

    private static String format(DateTimeFormatter formatter, long epochMillis) {
        try {
            return formatter.format(Values.timestampToLocal(epochMillis));
        } catch (DateTimeException e) {
            throw WeirException.execution("Cannot format " + Values.formatTimestamp(epochMillis, 3) + ": " + e.getMessage());
        }
    }

    /** TO_TIMESTAMP(text [, format]): NULL when the text does not match. */
    private static ScalarEvaluator toTimestamp(Call c) {
        if (c.arity() == 1) {
            return StringFunctions.strict(c, (a, i, o) -> {
                LocalDateTime ts = parseDefault(str(a, 0, i));
                if (ts == null) {
                    o.setNull(i);
                } else {
                    set(o, i, Values.localToTimestamp(ts));
                }
            });
        }
        DateTimeFormatter literal = literalFormat(c, 1);
        return StringFunctions.strict(c, (a, i, o) -> {
            LocalDateTime ts = parse(rowFormat(literal, str(a, 1, i)), str(a, 0, i));
            if (ts == null) {
                o.setNull(i);
            } else {
                set(o, i, Values.localToTimestamp(ts));
            }
        });
    }

    /** TO_DATE(text [, format]): NULL when the text does not match (default {@code yyyy-MM-dd}). */
    private static ScalarEvaluator toDate(Call c) {
        DateTimeFormatter literal = c.arity() == 1 ? DateTimeFormatter.ISO_LOCAL_DATE : literalFormat(c, 1);
        return StringFunctions.strict(c, (a, i, o) -> {
            LocalDateTime ts = parse(rowFormat(literal, c.arity() == 1 ? null : str(a, 1, i)), str(a, 0, i).trim());
            if (ts == null) {
                o.setNull(i);
            } else {
                set(o, i, ts.toLocalDate().toEpochDay());
            }
        });
    }

    /** FROM_UNIXTIME(seconds [, format]): the instant as text in the (UTC) session zone. */
    private static ScalarEvaluator fromUnixtime(Call c) {
        DateTimeFormatter literal = literalFormat(c, 1);
        return StringFunctions.strict(c, (a, i, o) -> {
            long seconds = lng(a, 0, i);
            DateTimeFormatter f = rowFormat(literal, c.arity() == 1 ? null : str(a, 1, i));
            set(o, i, format(f, Math.multiplyExact(seconds, 1000L)));
        });
    }

    /** UNIX_TIMESTAMP(): the query start in seconds; UNIX_TIMESTAMP(text [, format]): the text's instant. */
    private static ScalarEvaluator unixTimestamp(Call c) {
        if (c.arity() == 0) {
            return Constant.ofLong(c.type(), Math.floorDiv(c.queryStartMillis(), 1000L));
        }
        DateTimeFormatter literal = literalFormat(c, 1);
        return StringFunctions.strict(c, (a, i, o) -> {
            LocalDateTime ts = parse(rowFormat(literal, c.arity() == 1 ? null : str(a, 1, i)), str(a, 0, i));
            set(o, i, ts == null ? Long.MIN_VALUE : Math.floorDiv(Values.localToTimestamp(ts), 1000L));
        });
    }

    /** The default timestamp text forms ({@code yyyy-MM-dd HH:mm:ss[.SSS]}, ISO {@code T}, a bare date); null if none. */
    private static LocalDateTime parseDefault(String text) {
        try {
            return Values.timestampToLocal(Values.parseTimestamp(text));
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Text read with a pattern; fields the pattern lacks default to the start (month 1, day 1, 00:00). */
    static LocalDateTime parse(DateTimeFormatter formatter, String text) {
        TemporalAccessor t;
        try {
            t = formatter.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
        try {
            int year = t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR)
                    : t.isSupported(ChronoField.YEAR_OF_ERA) ? t.get(ChronoField.YEAR_OF_ERA) : 1970;
            int month = field(t, ChronoField.MONTH_OF_YEAR, 1);
            int day = field(t, ChronoField.DAY_OF_MONTH, 1);
            int hour = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY)
                    : t.isSupported(ChronoField.HOUR_OF_AMPM) ? t.get(ChronoField.HOUR_OF_AMPM)
                    + 12 * field(t, ChronoField.AMPM_OF_DAY, 0) : 0;
            int minute = field(t, ChronoField.MINUTE_OF_HOUR, 0);
            int second = field(t, ChronoField.SECOND_OF_MINUTE, 0);
            int nano = field(t, ChronoField.NANO_OF_SECOND, 0);
            return LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nano));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int field(TemporalAccessor t, ChronoField field, int otherwise) {
        return t.isSupported(field) ? t.get(field) : otherwise;
    }
}
