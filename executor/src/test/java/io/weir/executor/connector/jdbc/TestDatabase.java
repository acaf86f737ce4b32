package io.weir.executor.connector.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The databases the jdbc connector's tests run against: the machine's PostgreSQL (127.0.0.1:5432, database
 * {@code test}, trust authentication) and an in-memory H2 database per test. Opens plain connections for the
 * tests' own setup and checks.
 */
enum TestDatabase {

    POSTGRESQL {
        @Override
        String newUrl() {
            return "jdbc:postgresql://127.0.0.1:5432/test";
        }
    },
    H2 {
        @Override
        String newUrl() {
            return "jdbc:h2:mem:sink" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        }
    };

    static final String USER = "postgres";

    /** A URL for one test: PostgreSQL's shared database, or a fresh H2 database. */
    abstract String newUrl();

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, "");
    }

    static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Every row of {@code sql}, each as a list of JDBC objects. */
    static List<List<Object>> query(String url, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = result.getObject(c + 1);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    /** Removes this test job's commit markers, so that a run does not see the markers of an earlier run. */
    static void clearMarkers(String url, String jobName) throws SQLException {
        try (Connection connection = connect(url)) {
            connection.setAutoCommit(false);
            CommitMarkers.createIfMissing(connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + CommitMarkers.TABLE + " WHERE job_name = '" + jobName + "'");
            }
            connection.commit();
        }
    }
}
