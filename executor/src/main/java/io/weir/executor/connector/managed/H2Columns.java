package io.weir.executor.connector.managed;

import io.weir.executor.connector.RowBatch;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How each {@link TypeKind} is stored in an H2 column, written from a vector and read back into one, without
 * loss: DECIMAL(p, s) as NUMERIC(p, s), timestamps as TIMESTAMP(3) (with time zone for TIMESTAMP_LTZ, stored at
 * UTC), intervals as BIGINT (millis or months), FLOAT as REAL.
 */
final class H2Columns {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** H2's longest CHARACTER VARYING. */
    private static final int MAX_H2_LENGTH = 1_048_576;

    private H2Columns() {
    }

    /** The H2 column type of {@code type}. */
    static String sqlType(DataType type) {
        return switch (type.kind()) {
            case BOOLEAN -> "BOOLEAN";
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH, NULL -> "BIGINT";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> {
                int precision = type.precision() > 0 ? type.precision() : DataType.MAX_DECIMAL_PRECISION;
                yield "NUMERIC(" + precision + ", " + Math.min(type.decimalScale(), precision) + ")";
            }
            case CHAR -> "CHARACTER(" + Math.min(Math.max(type.precision(), 1), MAX_H2_LENGTH) + ")";
            case VARCHAR -> type.precision() > 0 && type.precision() <= MAX_H2_LENGTH
                    ? "CHARACTER VARYING(" + type.precision() + ")" : "CHARACTER VARYING";
            case DATE -> "DATE";
            case TIME -> "TIME(3)";
            case TIMESTAMP -> "TIMESTAMP(3)";
            case TIMESTAMP_LTZ -> "TIMESTAMP(3) WITH TIME ZONE";
        };
    }

    private static int jdbcType(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> Types.BOOLEAN;
            case TINYINT -> Types.TINYINT;
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case FLOAT -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.NUMERIC;
            case CHAR -> Types.CHAR;
            case VARCHAR -> Types.VARCHAR;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_LTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            default -> Types.BIGINT;
        };
    }

    /** Binds row {@code row} of {@code vector} to parameter {@code index} (1-based). */
    static void bind(PreparedStatement statement, int index, DataType type, Vector vector, int row) throws SQLException {
        TypeKind kind = type.kind();
        if (vector.isNull(row) || kind == TypeKind.NULL) {
            statement.setNull(index, jdbcType(kind));
            return;
        }
        switch (kind) {
            case BOOLEAN -> statement.setBoolean(index, ((BooleanVector) vector).get(row));
            case FLOAT -> statement.setFloat(index, (float) ((DoubleVector) vector).get(row));
            case DOUBLE -> statement.setDouble(index, ((DoubleVector) vector).get(row));
            case CHAR, VARCHAR -> statement.setString(index, ((StringVector) vector).get(row));
            case DECIMAL -> statement.setBigDecimal(index,
                    BigDecimal.valueOf(((LongVector) vector).get(row), type.decimalScale()));
            case DATE -> statement.setObject(index, LocalDate.ofEpochDay(((LongVector) vector).get(row)));
            case TIME -> statement.setObject(index,
                    LocalTime.ofNanoOfDay(Math.floorMod(((LongVector) vector).get(row), MILLIS_PER_DAY) * 1_000_000L));
            case TIMESTAMP -> statement.setObject(index, Values.timestampToLocal(((LongVector) vector).get(row)));
            case TIMESTAMP_LTZ -> statement.setObject(index,
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(((LongVector) vector).get(row)), ZoneOffset.UTC));
            default -> statement.setLong(index, ((LongVector) vector).get(row));
        }
    }

    /** Reads column {@code index} (1-based) of the current result row into column {@code column} of {@code batch}. */
    static void read(ResultSet rows, int index, DataType type, RowBatch batch, int column) throws SQLException {
        switch (type.kind()) {
            case BOOLEAN -> {
                boolean value = rows.getBoolean(index);
                if (rows.wasNull()) {
                    batch.setNull(column);
                } else {
                    batch.setBoolean(column, value);
                }
            }
            case FLOAT, DOUBLE -> {
                double value = type.kind() == TypeKind.FLOAT ? rows.getFloat(index) : rows.getDouble(index);
                if (rows.wasNull()) {
                    batch.setNull(column);
                } else {
                    batch.setDouble(column, value);
                }
            }
            case CHAR, VARCHAR -> batch.setString(column, rows.getString(index));
            case DECIMAL -> {
                BigDecimal value = rows.getBigDecimal(index);
                if (value == null) {
                    batch.setNull(column);
                } else {
                    batch.setLong(column, Values.toUnscaled(value, type));
                }
            }
            case DATE -> {
                LocalDate value = rows.getObject(index, LocalDate.class);
                setLongOrNull(batch, column, value == null, value == null ? 0 : value.toEpochDay());
            }
            case TIME -> {
                LocalTime value = rows.getObject(index, LocalTime.class);
                setLongOrNull(batch, column, value == null, value == null ? 0 : value.toNanoOfDay() / 1_000_000L);
            }
            case TIMESTAMP -> {
                LocalDateTime value = rows.getObject(index, LocalDateTime.class);
                setLongOrNull(batch, column, value == null, value == null ? 0 : Values.localToTimestamp(value));
            }
            case TIMESTAMP_LTZ -> {
                OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
                setLongOrNull(batch, column, value == null, value == null ? 0 : value.toInstant().toEpochMilli());
            }
            default -> {
                long value = rows.getLong(index);
                setLongOrNull(batch, column, rows.wasNull(), value);
            }
        }
    }

    private static void setLongOrNull(RowBatch batch, int column, boolean isNull, long value) {
        if (isNull) {
            batch.setNull(column);
        } else {
            batch.setLong(column, value);
        }
    }
}
