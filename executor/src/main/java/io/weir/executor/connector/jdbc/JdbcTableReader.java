package io.weir.executor.connector.jdbc;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.RowBatch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Scans a {@code jdbc} table with {@code SELECT <declared columns> FROM <table-name>}, one chunk per poll, through
 * a forward-only cursor (fetch size = chunk size; PostgreSQL streams only outside auto-commit). The table is one
 * split, read by subtask 0; the other subtasks end at once.
 */
final class JdbcTableReader implements SourceReader {

    private final JdbcTableConfig table;
    private final boolean active;

    private Connection connection;
    private Statement statement;
    private ResultSet rows;
    private RowBatch batch;

    JdbcTableReader(JdbcTableConfig table, boolean active) {
        this.table = table;
        this.active = active;
    }

    @Override
    public void open(OperatorContext context) {
        if (!active) {
            return;
        }
        batch = new RowBatch(table.columnTypes(), context.chunkSize());
        connection = table.connect();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(context.chunkSize());
            rows = statement.executeQuery(table.dialect().select(table.tableName(), table.columnNames()));
        } catch (SQLException e) {
            close();
            throw table.failure("read", e);
        }
    }

    @Override
    public InputStatus pollNext(SourceOutput out) {
        if (!active) {
            return InputStatus.END_OF_INPUT;
        }
        boolean exhausted;
        try {
            exhausted = JdbcColumns.readRows(rows, table.columnTypes(), batch);
        } catch (SQLException e) {
            throw table.failure("read", e);
        }
        if (!batch.isEmpty()) {
            out.emit(batch.take());
        }
        return exhausted ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : new AutoCloseable[] {rows, statement, connection}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // A read-only scan: a failed close loses nothing.
                }
            }
        }
        rows = null;
        statement = null;
        connection = null;
    }
}
