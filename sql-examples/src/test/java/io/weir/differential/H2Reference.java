package io.weir.differential;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reference side: a private in-memory H2 database (plain H2, no compatibility mode) holding the same tables
 * and views as Weir. Its default NULL ordering (first for ASC, last for DESC) is Weir's too.
 */
final class H2Reference implements AutoCloseable {

    private final Connection connection;

    H2Reference() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:differential-" + UUID.randomUUID());
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(H2Dialect.translate(sql));
        }
    }

    /**
     * Indexes every column of the table. H2 joins by nested loops over indexes; without them the reference
     * side of a join query takes longer than Weir does. Indexes change no result.
     */
    void indexEveryColumn(TableData table) throws SQLException {
        for (String column : table.columns()) {
            execute("CREATE INDEX ON " + table.name() + " (" + column.substring(0, column.indexOf(' ')) + ")");
        }
    }

    /** The rows of a query, as canonical values (see {@link SqlValues}). */
    List<List<Object>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(H2Dialect.translate(sql))) {
            int columns = rows.getMetaData().getColumnCount();
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(SqlValues.fromJdbc(rows, column));
                }
                result.add(row);
            }
            return result;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
