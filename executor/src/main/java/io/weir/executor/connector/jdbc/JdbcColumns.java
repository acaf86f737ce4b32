package io.weir.executor.connector.jdbc;

import io.weir.executor.connector.RowBatch;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import java.io.DataInput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import java.util.List;

/**
 * How a Weir value crosses JDBC, both ways: integers, floats and booleans through the primitive setters and
 * getters (no boxing), DECIMAL as BigDecimal, DATE/TIME/TIMESTAMP as {@code java.time} local values and
 * TIMESTAMP_LTZ as an OffsetDateTime at UTC, intervals as BIGINT (millis or months). Both PostgreSQL's and H2's
 * drivers accept these.
 */
public final class JdbcColumns {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private JdbcColumns() {
    }

    /**
     * Reads one value encoded by {@link EncodedRows} from {@code in} and binds it to parameter {@code index} of
     * {@code statement}, or only skips it when {@code statement} is null (a column a delete does not use).
     */
    static void bindEncoded(DataInput in, DataType type, PreparedStatement statement, int index)
            throws IOException, SQLException {
        boolean present = in.readByte() != 0;
        TypeKind kind = type.kind();
        if (!present || kind == TypeKind.NULL) {
            if (present) {
                in.readLong();
            }
            if (statement != null) {
                statement.setNull(index, sqlType(kind));
            }
            return;
        }
        switch (type.physical()) {
            case BOOLEAN -> {
                boolean value = in.readBoolean();
                if (statement != null) {
                    statement.setBoolean(index, value);
                }
            }
            case DOUBLE -> {
                double value = in.readDouble();
                if (statement != null) {
                    if (kind == TypeKind.FLOAT) {
                        statement.setFloat(index, (float) value);
                    } else {
                        statement.setDouble(index, value);
                    }
                }
            }
            case STRING -> {
                byte[] utf8 = new byte[in.readInt()];
                in.readFully(utf8);
                if (statement != null) {
                    statement.setString(index, new String(utf8, StandardCharsets.UTF_8));
                }
            }
            case LONG -> {
                long value = in.readLong();
                if (statement != null) {
                    bindLong(statement, index, type, value);
                }
            }
        }
    }

    /** Binds a value of a type stored as a long (integers, DECIMAL, dates, times, intervals) to {@code index}. */
    public static void bindLong(PreparedStatement statement, int index, DataType type, long value)
            throws SQLException {
        switch (type.kind()) {
            case TINYINT -> statement.setByte(index, (byte) value);
            case SMALLINT -> statement.setShort(index, (short) value);
            case INTEGER -> statement.setInt(index, (int) value);
            case DECIMAL -> statement.setBigDecimal(index, BigDecimal.valueOf(value, type.decimalScale()));
            case DATE -> statement.setObject(index, LocalDate.ofEpochDay(value));
            case TIME -> statement.setObject(index,
                    LocalTime.ofNanoOfDay(Math.floorMod(value, MILLIS_PER_DAY) * 1_000_000L));
            case TIMESTAMP -> statement.setObject(index, Values.timestampToLocal(value));
            case TIMESTAMP_LTZ -> statement.setObject(index,
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(value), ZoneOffset.UTC));
            default -> statement.setLong(index, value);
        }
    }

    /** The {@link Types} code for a NULL of {@code kind}. */
    public static int sqlType(TypeKind kind) {
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

    /** Reads column {@code index} (1-based) of the current result row into column {@code column} of {@code batch}. */
    public static void read(ResultSet rows, int index, DataType type, RowBatch batch, int column)
            throws SQLException {
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

    /**
     * Reads result rows into {@code batch} until it is full or the rows run out; true when they ran out. Columns are
     * read in order, column {@code c} of the result into column {@code c} of the batch.
     */
    public static boolean readRows(ResultSet rows, List<DataType> types, RowBatch batch) throws SQLException {
        while (!batch.isFull()) {
            if (!rows.next()) {
                return true;
            }
            for (int c = 0; c < types.size(); c++) {
                read(rows, c + 1, types.get(c), batch, c);
            }
            batch.commitRow();
        }
        return false;
    }

    private static void setLongOrNull(RowBatch batch, int column, boolean isNull, long value) {
        if (isNull) {
            batch.setNull(column);
        } else {
            batch.setLong(column, value);
        }
    }
}
