package io.weir.executor.data;

import java.util.Objects;

/**
 * A SQL type as the runtime sees it: kind, precision and scale (where the kind has them) and nullability.
 *
 * <p>Precision means: decimal digits for DECIMAL, length for CHAR/VARCHAR ({@link #MAX_LENGTH} when
 * unbounded), fractional-second digits for TIME/TIMESTAMP. Unused parts are -1.
 */
public record DataType(TypeKind kind, int precision, int scale, boolean nullable) {

    public static final int MAX_LENGTH = Integer.MAX_VALUE;
    /** The widest DECIMAL whose unscaled value always fits a long. */
    public static final int MAX_DECIMAL_PRECISION = 19;

    public static final DataType BOOLEAN = of(TypeKind.BOOLEAN);
    public static final DataType TINYINT = of(TypeKind.TINYINT);
    public static final DataType SMALLINT = of(TypeKind.SMALLINT);
    public static final DataType INTEGER = of(TypeKind.INTEGER);
    public static final DataType BIGINT = of(TypeKind.BIGINT);
    public static final DataType FLOAT = of(TypeKind.FLOAT);
    public static final DataType DOUBLE = of(TypeKind.DOUBLE);
    public static final DataType STRING = new DataType(TypeKind.VARCHAR, MAX_LENGTH, -1, true);
    public static final DataType DATE = of(TypeKind.DATE);
    public static final DataType TIMESTAMP = new DataType(TypeKind.TIMESTAMP, 3, -1, true);

    public DataType {
        Objects.requireNonNull(kind, "kind");
    }

    public static DataType of(TypeKind kind) {
        return new DataType(kind, -1, -1, true);
    }

    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeKind.DECIMAL, precision, scale, true);
    }

    public static DataType varchar(int length) {
        return new DataType(TypeKind.VARCHAR, length, -1, true);
    }

    public static DataType timestamp(int precision) {
        return new DataType(TypeKind.TIMESTAMP, precision, -1, true);
    }

    public DataType withNullable(boolean value) {
        return value == nullable ? this : new DataType(kind, precision, scale, value);
    }

    public PhysicalType physical() {
        return kind.physical();
    }

    /** The scale of a DECIMAL (0 for every other kind): the power of ten the unscaled long is divided by. */
    public int decimalScale() {
        return kind == TypeKind.DECIMAL ? Math.max(scale, 0) : 0;
    }

    /** SQL spelling, as shown to users in result columns and DESCRIBE (Flink's names). */
    public String sqlName() {
        String base = switch (kind) {
            case INTEGER -> "INT";
            case DECIMAL -> "DECIMAL(" + precision + ", " + Math.max(scale, 0) + ")";
            case CHAR -> "CHAR(" + precision + ")";
            case VARCHAR -> precision == MAX_LENGTH || precision < 0 ? "STRING" : "VARCHAR(" + precision + ")";
            case TIME -> precision >= 0 ? "TIME(" + precision + ")" : "TIME";
            case TIMESTAMP -> "TIMESTAMP(" + (precision >= 0 ? precision : 3) + ")";
            case TIMESTAMP_LTZ -> "TIMESTAMP_LTZ(" + (precision >= 0 ? precision : 3) + ")";
            case INTERVAL_YEAR_MONTH -> "INTERVAL YEAR TO MONTH";
            case INTERVAL_DAY_TIME -> "INTERVAL DAY TO SECOND";
            default -> kind.name();
        };
        return nullable ? base : base + " NOT NULL";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
