package io.weir.executor.data;

import io.weir.executor.api.WeirException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Conversions between vector values and the outside world: Java objects (JDBC, JSON), text (CSV, results).
 * Used where data enters or leaves Weir, never inside operators.
 *
 * <p>External forms: integers as {@link Long}, DOUBLE/FLOAT as {@link Double}, DECIMAL as {@link BigDecimal},
 * strings, BOOLEAN as {@link Boolean}, DATE as {@link LocalDate}, TIME as {@link LocalTime}, TIMESTAMP as
 * {@link LocalDateTime}, TIMESTAMP_LTZ as {@link Instant}, intervals as {@link Long} (millis or months).
 */
public final class Values {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** Accepts both {@code 2024-01-02 03:04:05.678} and the ISO {@code T} form; the fraction is optional. */
    private static final DateTimeFormatter TIMESTAMP_PARSER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter();

    private Values() {
    }

    // ---- reading a vector -------------------------------------------------------------------------------

    /** The value at {@code row} in its external form, or null. */
    public static Object toExternal(DataType type, Vector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> ((BooleanVector) vector).get(row);
            case FLOAT, DOUBLE -> ((DoubleVector) vector).get(row);
            case CHAR, VARCHAR -> ((StringVector) vector).get(row);
            case DECIMAL -> BigDecimal.valueOf(((LongVector) vector).get(row), type.decimalScale());
            case DATE -> LocalDate.ofEpochDay(((LongVector) vector).get(row));
            case TIME -> LocalTime.ofNanoOfDay(((LongVector) vector).get(row) * 1_000_000L);
            case TIMESTAMP -> timestampToLocal(((LongVector) vector).get(row));
            case TIMESTAMP_LTZ -> Instant.ofEpochMilli(((LongVector) vector).get(row));
            case NULL -> null;
            default -> ((LongVector) vector).get(row);
        };
    }

    /**
     * The value at {@code row} for a JSON result: numbers stay numbers, temporal values become
     * {@code YYYY-MM-DD HH:MM:SS.fff}-style strings, null stays null.
     */
    public static Object toJsonValue(DataType type, Vector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (type.kind()) {
            case DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ -> format(type, vector, row);
            default -> toExternal(type, vector, row);
        };
    }

    /** SQL text of the value at {@code row} ({@code null} for null): what CAST(x AS STRING) gives. */
    public static String format(DataType type, Vector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> ((BooleanVector) vector).get(row) ? "TRUE" : "FALSE";
            case FLOAT, DOUBLE -> formatDouble(((DoubleVector) vector).get(row));
            case CHAR, VARCHAR -> ((StringVector) vector).get(row);
            case DECIMAL -> BigDecimal.valueOf(((LongVector) vector).get(row), type.decimalScale()).toPlainString();
            case DATE -> formatDate(((LongVector) vector).get(row));
            case TIME -> formatTime(((LongVector) vector).get(row), type.precision());
            case TIMESTAMP, TIMESTAMP_LTZ -> formatTimestamp(((LongVector) vector).get(row), type.precision());
            default -> Long.toString(((LongVector) vector).get(row));
        };
    }

    public static String formatDouble(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return BigDecimal.valueOf(value).setScale(1, RoundingMode.UNNECESSARY).toPlainString();
        }
        return Double.toString(value);
    }

    public static String formatDate(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    public static String formatTime(long millisOfDay, int precision) {
        LocalTime time = LocalTime.ofNanoOfDay(Math.floorMod(millisOfDay, MILLIS_PER_DAY) * 1_000_000L);
        String hms = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        return precision > 0 ? hms + fraction(time.getNano() / 1_000_000, precision) : hms;
    }

    /** {@code YYYY-MM-DD HH:MM:SS} followed by {@code min(precision, 3)} fraction digits. */
    public static String formatTimestamp(long epochMillis, int precision) {
        LocalDateTime ts = timestampToLocal(epochMillis);
        String text = ts.toLocalDate() + " " + String.format("%02d:%02d:%02d", ts.getHour(), ts.getMinute(), ts.getSecond());
        int digits = precision < 0 ? 3 : precision;
        return digits > 0 ? text + fraction(ts.getNano() / 1_000_000, digits) : text;
    }

    private static String fraction(int millis, int precision) {
        String ms = String.format("%03d", millis);
        return "." + (precision >= 3 ? ms : ms.substring(0, precision));
    }

    public static LocalDateTime timestampToLocal(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    public static long localToTimestamp(LocalDateTime ts) {
        return ts.toEpochSecond(ZoneOffset.UTC) * 1000L + ts.getNano() / 1_000_000;
    }

    // ---- writing a vector -------------------------------------------------------------------------------

    /** Writes an external value (see class doc; JDBC and JSON objects are accepted too), or null. */
    public static void setExternal(DataType type, Vector vector, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
            return;
        }
        if (value instanceof String text && type.kind() != TypeKind.CHAR && type.kind() != TypeKind.VARCHAR) {
            parseInto(type, vector, row, text);
            return;
        }
        vector.setNotNull(row);
        switch (type.kind()) {
            case BOOLEAN -> ((BooleanVector) vector).set(row, toBoolean(value));
            case FLOAT, DOUBLE -> ((DoubleVector) vector).set(row, ((Number) value).doubleValue());
            case CHAR, VARCHAR -> ((StringVector) vector).set(row, value.toString());
            case DECIMAL -> ((LongVector) vector).set(row, toUnscaled(toBigDecimal(value), type));
            case DATE -> ((LongVector) vector).set(row, toEpochDay(value));
            case TIME -> ((LongVector) vector).set(row, toMillisOfDay(value));
            case TIMESTAMP -> ((LongVector) vector).set(row, toTimestampMillis(value));
            case TIMESTAMP_LTZ -> ((LongVector) vector).set(row, toInstantMillis(value));
            case NULL -> vector.setNull(row);
            default -> ((LongVector) vector).set(row, toIntegral(value, type));
        }
    }

    /** Parses SQL text (as in CSV or CAST from a string) into the vector; throws an execution error naming the value. */
    public static void parseInto(DataType type, Vector vector, int row, String text) {
        try {
            String s = type.kind().isCharacter() ? text : text.trim();
            vector.setNotNull(row);
            switch (type.kind()) {
                case BOOLEAN -> ((BooleanVector) vector).set(row, parseBoolean(s));
                case FLOAT, DOUBLE -> ((DoubleVector) vector).set(row, Double.parseDouble(s));
                case CHAR, VARCHAR -> ((StringVector) vector).set(row, s);
                case DECIMAL -> ((LongVector) vector).set(row, toUnscaled(new BigDecimal(s), type));
                case DATE -> ((LongVector) vector).set(row, LocalDate.parse(s).toEpochDay());
                case TIME -> ((LongVector) vector).set(row, LocalTime.parse(s).toNanoOfDay() / 1_000_000L);
                case TIMESTAMP -> ((LongVector) vector).set(row, parseTimestamp(s));
                case TIMESTAMP_LTZ -> ((LongVector) vector).set(row, parseInstant(s));
                case NULL -> vector.setNull(row);
                default -> ((LongVector) vector).set(row, toIntegral(new BigDecimal(s), type));
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw WeirException.execution("Cannot read '" + text + "' as " + type.withNullable(true).sqlName());
        }
    }

    public static long parseTimestamp(String text) {
        String s = text.trim();
        if (s.length() == 10) {
            return LocalDate.parse(s).toEpochDay() * MILLIS_PER_DAY;
        }
        var parsed = TIMESTAMP_PARSER.parse(s);
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    .toInstant().toEpochMilli();
        }
        return localToTimestamp(local);
    }

    private static long parseInstant(String s) {
        if (s.endsWith("Z")) {
            return Instant.parse(s).toEpochMilli();
        }
        return parseTimestamp(s);
    }

    private static boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return true;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return false;
        }
        throw new NumberFormatException(s);
    }

    private static boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        return parseBoolean(value.toString());
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(value.toString().trim());
    }

    /** The unscaled long of {@code value} at the type's scale (rounded half up); overflow is an execution error. */
    public static long toUnscaled(BigDecimal value, DataType type) {
        BigDecimal scaled = value.setScale(type.decimalScale(), RoundingMode.HALF_UP);
        if (type.precision() > 0 && scaled.precision() - scaled.scale() > type.precision() - type.decimalScale()) {
            throw WeirException.execution("Value " + value.toPlainString() + " does not fit " + type.withNullable(true).sqlName());
        }
        try {
            return scaled.unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw WeirException.execution("Value " + value.toPlainString() + " does not fit " + type.withNullable(true).sqlName());
        }
    }

    private static long toIntegral(Object value, DataType type) {
        long v;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else {
            BigDecimal d = toBigDecimal(value);
            try {
                v = d.setScale(0, RoundingMode.DOWN).longValueExact();
            } catch (ArithmeticException e) {
                throw WeirException.execution("Value " + d.toPlainString() + " is out of range for " + type.kind());
            }
        }
        checkRange(v, type.kind());
        return v;
    }

    /** Throws when {@code v} is outside the range of the integral kind. */
    public static void checkRange(long v, TypeKind kind) {
        boolean ok = switch (kind) {
            case TINYINT -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case SMALLINT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case INTEGER -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            default -> true;
        };
        if (!ok) {
            throw WeirException.execution("Value " + v + " is out of range for " + kind);
        }
    }

    private static long toEpochDay(Object value) {
        if (value instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay();
        }
        if (value instanceof LocalDateTime ts) {
            return ts.toLocalDate().toEpochDay();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        return LocalDate.parse(value.toString().trim()).toEpochDay();
    }

    private static long toMillisOfDay(Object value) {
        if (value instanceof LocalTime t) {
            return t.toNanoOfDay() / 1_000_000L;
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime().toNanoOfDay() / 1_000_000L;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        return LocalTime.parse(value.toString().trim()).toNanoOfDay() / 1_000_000L;
    }

    private static long toTimestampMillis(Object value) {
        if (value instanceof LocalDateTime ts) {
            return localToTimestamp(ts);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return localToTimestamp(ts.toLocalDateTime());
        }
        if (value instanceof LocalDate d) {
            return d.toEpochDay() * MILLIS_PER_DAY;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant().toEpochMilli();
        }
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        return parseTimestamp(value.toString());
    }

    private static long toInstantMillis(Object value) {
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant().toEpochMilli();
        }
        return toTimestampMillis(value);
    }
}
