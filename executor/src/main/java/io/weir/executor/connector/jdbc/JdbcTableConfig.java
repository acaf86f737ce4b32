package io.weir.executor.connector.jdbc;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * A validated {@code jdbc} table: where it lives, its columns and key, and the sink's flush settings. Immutable;
 * shared by every subtask of a query.
 *
 * @param primaryKey         the Weir table's primary key columns; empty makes the sink append-only
 * @param flushMaxRows       {@code sink.buffer-flush.max-rows}: while no checkpoint has been seen, this many
 *                           buffered rows are written early (0 disables)
 * @param flushIntervalMillis {@code sink.buffer-flush.interval}: while no checkpoint has been seen, buffered rows
 *                           are written this often (0 disables)
 */
record JdbcTableConfig(String url, String username, String password, String tableName, JdbcDialect dialect,
        List<String> columnNames, List<DataType> columnTypes, List<String> primaryKey, int flushMaxRows,
        long flushIntervalMillis) {

    JdbcTableConfig {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        primaryKey = List.copyOf(primaryKey);
    }

    boolean isUpsert() {
        return !primaryKey.isEmpty();
    }

    /** A new connection that the caller owns. */
    Connection connect() {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new WeirException(ErrorKind.EXECUTION, "Cannot connect to " + url + " for table '" + tableName
                    + "': " + e.getMessage(), e);
        }
    }

    /** The failure of {@code action} on the table as a user sees it: the database's message, with the table. */
    WeirException failure(String action, SQLException e) {
        SQLException next = e.getNextException();
        String detail = e.getMessage() + (next != null && next != e ? " (" + next.getMessage() + ")" : "");
        return new WeirException(ErrorKind.EXECUTION, "Cannot " + action + " table '" + tableName + "' at " + url
                + ": " + detail, e);
    }
}
