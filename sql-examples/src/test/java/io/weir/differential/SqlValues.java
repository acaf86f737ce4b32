package io.weir.differential;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/**
 * Canonical values, so that the answers of Weir (JSON) and H2 (JDBC objects) can be compared: {@code null},
 * {@link Boolean}, {@link BigDecimal} for exact numbers (compared by value: {@code 2.50} equals {@code 2.5}; a
 * quotient or average must equal H2's value rounded half up to its scale, see {@link #roundsTo}),
 * {@link Double} for approximate numbers (compared with a small relative tolerance), {@link String},
 * {@link LocalDate}, {@link LocalTime} and {@link LocalDateTime} (Weir writes {@code "YYYY-MM-DD HH:MM:SS.fff"}).
 */
final class SqlValues {

    /** The fewest fraction digits Flink gives a DECIMAL quotient or average. */
    private static final int INEXACT_SCALE = 6;
    /** Relative tolerance for approximate numbers: sums of doubles may be added up in another order. */
    private static final double TOLERANCE = 1e-9;

    /** A total order over canonical values (NULL first, then by kind, then by value), for sorting rows. */
    static final Comparator<Object> ORDER = SqlValues::compare;

    /** Lexicographic order of rows under {@link #ORDER}. */
    static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private SqlValues() {
    }

    /** A value of a Weir answer, given the SQL type Weir reported for its column. */
    static Object fromWeir(JsonNode value, String type) {
        if (value == null || value.isNull()) {
            return null;
        } else if (value.isBoolean()) {
            return value.booleanValue();
        } else if (value.isNumber()) {
            return isApproximate(type) ? (Object) value.doubleValue() : value.decimalValue();
        }
        String text = value.asText();
        if (type.startsWith("TIMESTAMP")) {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } else if (type.startsWith("DATE")) {
            return LocalDate.parse(text);
        } else if (type.startsWith("TIME")) {
            return LocalTime.parse(text);
        }
        return text;
    }

    /** Column {@code column} of the current row of an H2 result set. */
    static Object fromJdbc(ResultSet rows, int column) throws SQLException {
        int type = rows.getMetaData().getColumnType(column);
        Object value = switch (type) {
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> rows.getDouble(column);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC ->
                    rows.getBigDecimal(column);
            case Types.BOOLEAN, Types.BIT -> rows.getBoolean(column);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            case Types.TIME -> rows.getObject(column, LocalTime.class);
            case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case Types.NULL -> null;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB -> rows.getString(column);
            default -> throw new IllegalStateException("H2 column " + column + " has type "
                    + rows.getMetaData().getColumnTypeName(column) + ", which the comparison does not know");
        };
        return rows.wasNull() ? null : value;
    }

    /**
     * Whether Weir's value {@code actual} is the SQL value H2 gave as {@code expected} (approximate numbers within
     * the tolerance, decimals by value or by rounding, see {@link #roundsTo}).
     */
    static boolean matches(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            if (e instanceof BigDecimal exact && a instanceof BigDecimal other) {
                return exact.compareTo(other) == 0 || roundsTo(exact, other);
            }
            double x = e.doubleValue();
            double y = a.doubleValue();
            return x == y || Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
        }
        return expected.equals(actual);
    }

    /**
     * A quotient or an average: H2 keeps many more fraction digits than Flink's type rules give, which keep at
     * least {@link #INEXACT_SCALE}. Such a DECIMAL matches the reference rounded half up to its scale. A DECIMAL
     * with fewer fraction digits is an exact result and must equal the reference, so that a result type with
     * too small a scale (an AVG rounded to its argument's scale) is caught.
     */
    private static boolean roundsTo(BigDecimal reference, BigDecimal decimal) {
        return decimal.scale() >= INEXACT_SCALE && reference.scale() > decimal.scale()
                && reference.setScale(decimal.scale(), RoundingMode.HALF_UP).compareTo(decimal) == 0;
    }

    static String describe(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        } else if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return String.valueOf(value);
    }

    private static boolean isApproximate(String type) {
        return type.startsWith("DOUBLE") || type.startsWith("FLOAT") || type.startsWith("REAL");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
                return p.compareTo(q);
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return ((Comparable) a).compareTo(b);
    }
}
