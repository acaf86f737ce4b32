package io.weir.executor.data;

/**
 * The SQL types the runtime knows, each with the vector that carries it.
 *
 * <p>Representations follow Calcite's internal ones so compiled constants need no conversion:
 * DATE is days since 1970-01-01, TIME is milliseconds of the day, TIMESTAMP is milliseconds since the
 * epoch without a zone, TIMESTAMP_LTZ is an instant in epoch milliseconds, INTERVAL_DAY_TIME is
 * milliseconds, INTERVAL_YEAR_MONTH is months, DECIMAL(p, s) is the unscaled value as a long.
 */
public enum TypeKind {
    BOOLEAN(PhysicalType.BOOLEAN),
    TINYINT(PhysicalType.LONG),
    SMALLINT(PhysicalType.LONG),
    INTEGER(PhysicalType.LONG),
    BIGINT(PhysicalType.LONG),
    FLOAT(PhysicalType.DOUBLE),
    DOUBLE(PhysicalType.DOUBLE),
    DECIMAL(PhysicalType.LONG),
    CHAR(PhysicalType.STRING),
    VARCHAR(PhysicalType.STRING),
    DATE(PhysicalType.LONG),
    TIME(PhysicalType.LONG),
    TIMESTAMP(PhysicalType.LONG),
    TIMESTAMP_LTZ(PhysicalType.LONG),
    INTERVAL_YEAR_MONTH(PhysicalType.LONG),
    INTERVAL_DAY_TIME(PhysicalType.LONG),
    /** The type of an untyped NULL literal; carried in a long vector that is all nulls. */
    NULL(PhysicalType.LONG);

    private final PhysicalType physical;

    TypeKind(PhysicalType physical) {
        this.physical = physical;
    }

    public PhysicalType physical() {
        return physical;
    }

    public boolean isIntegral() {
        return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isNumeric() {
        return isIntegral() || this == FLOAT || this == DOUBLE || this == DECIMAL;
    }

    public boolean isCharacter() {
        return this == CHAR || this == VARCHAR;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMP_LTZ;
    }
}
