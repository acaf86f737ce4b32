package io.weir.executor.connector.jdbc;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes encoded rows to the table through one connection, inside the caller's transaction, as JDBC batches:
 * inserts and updates as an upsert (with a primary key) or an insert (without one), deletes by key, and
 * {@code -U} rows not at all (the {@code +U} that follows replaces the row). Rows keep their order: the pending
 * batch of one statement is executed before the other statement's first row.
 *
 * <p>Used on the task thread only; the caller commits or rolls back the connection and closes this writer.
 */
final class JdbcRowWriter implements AutoCloseable {

    private static final int JDBC_BATCH_ROWS = 1_000;

    private final JdbcTableConfig table;
    private final List<DataType> types;
    private final PreparedStatement write;
    private final PreparedStatement delete;
    /** For each column, its 1-based parameter index in {@link #delete}, or 0 when it is not a key column. */
    private final int[] deleteIndex;
    private PreparedStatement pending;
    private int pendingRows;

    JdbcRowWriter(Connection connection, JdbcTableConfig table) throws SQLException {
        this.table = table;
        this.types = table.columnTypes();
        String target = table.tableName();
        List<String> columns = table.columnNames();
        if (table.isUpsert()) {
            write = connection.prepareStatement(table.dialect().upsert(target, columns, table.primaryKey()));
            delete = connection.prepareStatement(table.dialect().delete(target, table.primaryKey()));
        } else {
            write = connection.prepareStatement(table.dialect().insert(target, columns));
            delete = null;
        }
        deleteIndex = new int[columns.size()];
        for (int k = 0; k < table.primaryKey().size(); k++) {
            deleteIndex[columns.indexOf(table.primaryKey().get(k))] = k + 1;
        }
    }

    /** Adds every row of {@code batch} to the statements' batches (and executes full ones). */
    void write(RowBatchBytes batch) throws SQLException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(batch.bytes()));
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                RowKind kind = RowKind.fromCode(in.readByte());
                switch (kind) {
                    case INSERT, UPDATE_AFTER -> bindRow(in, write, null);
                    case DELETE -> {
                        if (delete == null) {
                            throw WeirException.execution("Table '" + table.tableName() + "' has no PRIMARY KEY,"
                                    + " so it accepts only inserted rows, got a " + kind.shortString()
                                    + " row; declare PRIMARY KEY (...) NOT ENFORCED to write updates");
                        }
                        bindRow(in, delete, deleteIndex);
                    }
                    case UPDATE_BEFORE -> {
                        if (delete == null) {
                            throw WeirException.execution("Table '" + table.tableName() + "' has no PRIMARY KEY,"
                                    + " so it accepts only inserted rows, got a -U row; declare PRIMARY KEY (...)"
                                    + " NOT ENFORCED to write updates");
                        }
                        bindRow(in, null, null);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array fails only if the encoding is corrupt
        }
    }

    /** Binds one row's values (all of them, or those {@code indexes} maps) to {@code target}, or skips them. */
    private void bindRow(DataInputStream in, PreparedStatement target, int[] indexes) throws IOException, SQLException {
        for (int c = 0; c < types.size(); c++) {
            int index = indexes == null ? c + 1 : indexes[c];
            JdbcColumns.bindEncoded(in, types.get(c), index == 0 ? null : target, index);
        }
        if (target == null) {
            return;
        }
        if (pending != target) {
            flush();
            pending = target;
        }
        target.addBatch();
        if (++pendingRows >= JDBC_BATCH_ROWS) {
            flush();
        }
    }

    /** Executes what is batched; the caller then commits. */
    void flush() throws SQLException {
        if (pending != null && pendingRows > 0) {
            pending.executeBatch();
        }
        pendingRows = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            write.close();
        } finally {
            if (delete != null) {
                delete.close();
            }
        }
    }
}
