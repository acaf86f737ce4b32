package io.weir.executor.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The marker table {@value #TABLE} in the sink's database: for each (job, sink operator, writer subtask) the last
 * checkpoint whose rows are committed. A marker is updated in the same transaction as the rows it covers, so after a
 * failure a batch of rows whose checkpoint is at or below the marker is known to be in the table already.
 *
 * <p>The "subtask" is the subtask that received the rows (the owner carried in the sink's state), which after a
 * restore at another parallelism may differ from the subtask that writes them.
 */
final class CommitMarkers {

    static final String TABLE = "weir_sink_commits";

    private final String jobName;
    private final String operatorName;

    CommitMarkers(String jobName, String operatorName) {
        this.jobName = jobName;
        this.operatorName = operatorName;
    }

    /**
     * Creates the marker table unless it exists. Several subtasks may race to create it; the loser's error is
     * forgiven once the table is there.
     */
    static void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (job_name VARCHAR(512) NOT NULL,"
                    + " operator_name VARCHAR(512) NOT NULL, subtask INTEGER NOT NULL, last_checkpoint BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_name, operator_name, subtask))");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            try (Statement probe = connection.createStatement()) {
                probe.executeQuery("SELECT last_checkpoint FROM " + TABLE + " WHERE 1 = 0").close();
                connection.commit();
            } catch (SQLException again) {
                e.addSuppressed(again);
                throw e;
            }
        }
    }

    /** The last committed checkpoint of {@code subtask}, or -1 when it never committed. */
    long read(Connection connection, int subtask) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_checkpoint FROM " + TABLE
                + " WHERE job_name = ? AND operator_name = ? AND subtask = ?")) {
            bindKey(select, subtask, 1);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1L;
            }
        }
    }

    /**
     * Sets the marker of {@code subtask} inside the caller's transaction. Only the one sink subtask that owns it
     * writes a marker, so update-else-insert cannot race.
     */
    void write(Connection connection, int subtask, long checkpointId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET last_checkpoint = ? WHERE job_name = ? AND operator_name = ? AND subtask = ?")) {
            update.setLong(1, checkpointId);
            bindKey(update, subtask, 2);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (job_name, operator_name, subtask, last_checkpoint) VALUES (?, ?, ?, ?)")) {
            bindKey(insert, subtask, 1);
            insert.setLong(4, checkpointId);
            insert.executeUpdate();
        }
    }

    private void bindKey(PreparedStatement statement, int subtask, int first) throws SQLException {
        statement.setString(first, jobName);
        statement.setString(first + 1, operatorName);
        statement.setInt(first + 2, subtask);
    }
}
