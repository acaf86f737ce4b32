package io.weir.executor.connector.managed;

import io.weir.executor.connector.jdbc.JdbcColumns;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How each {@link TypeKind} is stored in an H2 column, written from a vector and read back into one, without
 * loss: DECIMAL(p, s) as NUMERIC(p, s), timestamps as TIMESTAMP(3) (with time zone for TIMESTAMP_LTZ, stored at
 * UTC), intervals as BIGINT (millis or months), FLOAT as REAL.
 */
final class H2Columns {

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

    /** Binds row {@code row} of {@code vector} to parameter {@code index} (1-based). */
    static void bind(PreparedStatement statement, int index, DataType type, Vector vector, int row) throws SQLException {
        TypeKind kind = type.kind();
        if (vector.isNull(row) || kind == TypeKind.NULL) {
            statement.setNull(index, JdbcColumns.sqlType(kind));
            return;
        }
        switch (kind) {
            case BOOLEAN -> statement.setBoolean(index, ((BooleanVector) vector).get(row));
            case FLOAT -> statement.setFloat(index, (float) ((DoubleVector) vector).get(row));
            case DOUBLE -> statement.setDouble(index, ((DoubleVector) vector).get(row));
            case CHAR, VARCHAR -> statement.setString(index, ((StringVector) vector).get(row));
            default -> JdbcColumns.bindLong(statement, index, type, ((LongVector) vector).get(row));
        }
    }
}
