package io.weir.executor.connector.managed;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.JdbcConnectionProvider;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One subtask of an {@code INSERT INTO} a managed table: batched inserts in a single transaction that
 * {@link #endInput} commits. {@link #close()} without that commit rolls back, so a failed or cancelled insert
 * leaves none of this subtask's rows behind.
 */
final class ManagedTableWriter implements Operator {

    private final String storageName;
    private final List<DataType> columnTypes;
    private final JdbcConnectionProvider connections;

    private Connection connection;
    private PreparedStatement insert;
    private boolean committed;

    ManagedTableWriter(String storageName, List<DataType> columnTypes, JdbcConnectionProvider connections) {
        this.storageName = storageName;
        this.columnTypes = columnTypes;
        this.connections = connections;
    }

    @Override
    public void open(OperatorContext context) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(ManagedTableStorage.quoted(storageName)).append(" (");
        StringBuilder values = new StringBuilder(") VALUES (");
        for (int i = 0; i < columnTypes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ManagedTableStorage.columnName(i));
            values.append(i == 0 ? "?" : ", ?");
        }
        if (columnTypes.isEmpty()) {
            sql.append("ROW_ID");
            values.append("DEFAULT");
        }
        try {
            connection = connections.open();
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(sql.append(values).append(')').toString());
        } catch (SQLException e) {
            throw ManagedTableStorage.internal("write managed storage '" + storageName + "'", e);
        }
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        try {
            for (int row = 0; row < chunk.size(); row++) {
                if (chunk.rowKind(row) != RowKind.INSERT) {
                    throw WeirException.execution("A managed table accepts only inserted rows, got a "
                            + chunk.rowKind(row).shortString() + " row");
                }
                for (int c = 0; c < columnTypes.size(); c++) {
                    H2Columns.bind(insert, c + 1, columnTypes.get(c), chunk.column(c), row);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new WeirException(ErrorKind.EXECUTION, "Cannot insert into managed table: " + e.getMessage(), e);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        try {
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw ManagedTableStorage.internal("commit to managed storage '" + storageName + "'", e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            if (!committed) {
                connection.rollback();
            }
        } finally {
            try {
                if (insert != null) {
                    insert.close();
                }
            } finally {
                connection.close();
                connection = null;
            }
        }
    }
}
