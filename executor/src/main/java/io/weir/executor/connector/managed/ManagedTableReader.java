package io.weir.executor.connector.managed;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.JdbcConnectionProvider;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.connector.jdbc.JdbcColumns;
import io.weir.executor.data.DataType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Scans a managed table with one forward-only result set, a chunk per poll. The table is one split: only the
 * reader made with {@code active} reads; the others end at once.
 */
final class ManagedTableReader implements SourceReader {

    private final String storageName;
    private final List<DataType> columnTypes;
    private final JdbcConnectionProvider connections;
    private final boolean active;

    private Connection connection;
    private Statement statement;
    private ResultSet rows;
    private RowBatch batch;

    ManagedTableReader(String storageName, List<DataType> columnTypes, JdbcConnectionProvider connections,
            boolean active) {
        this.storageName = storageName;
        this.columnTypes = columnTypes;
        this.connections = connections;
        this.active = active;
    }

    @Override
    public void open(OperatorContext context) {
        if (!active) {
            return;
        }
        batch = new RowBatch(columnTypes, context.chunkSize());
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columnTypes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ManagedTableStorage.columnName(i));
        }
        if (columnTypes.isEmpty()) {
            sql.append("ROW_ID");
        }
        sql.append(" FROM ").append(ManagedTableStorage.quoted(storageName)).append(" ORDER BY ROW_ID");
        try {
            connection = connections.open();
            statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(context.chunkSize());
            rows = statement.executeQuery(sql.toString());
        } catch (SQLException e) {
            closeQuietly();
            throw ManagedTableStorage.internal("read managed storage '" + storageName + "'", e);
        }
    }

    @Override
    public InputStatus pollNext(SourceOutput out) {
        if (!active) {
            return InputStatus.END_OF_INPUT;
        }
        boolean exhausted;
        try {
            exhausted = JdbcColumns.readRows(rows, columnTypes, batch);
        } catch (SQLException e) {
            throw ManagedTableStorage.internal("read managed storage '" + storageName + "'", e);
        }
        if (!batch.isEmpty()) {
            out.emit(batch.take());
        }
        return exhausted ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        for (AutoCloseable resource : new AutoCloseable[] {rows, statement, connection}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // Nothing was written through this connection; a failed close loses nothing.
                }
            }
        }
        rows = null;
        statement = null;
        connection = null;
    }
}
