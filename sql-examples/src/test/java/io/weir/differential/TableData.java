package io.weir.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * One generated table: its columns (name and SQL type, spelled so that both Weir and H2 accept them) and its rows
 * as SQL literal texts ({@code NULL}, {@code 12}, {@code 'x'}, {@code DATE '2024-01-02'}...). Both databases are
 * loaded from the very same statement texts, so they hold the same values by construction.
 */
record TableData(String name, List<String> columns, List<List<String>> rows) {

    /** Rows per {@code INSERT INTO ... VALUES} statement. */
    private static final int BATCH = 250;

    String createTable() {
        return "CREATE TABLE " + name + " (" + String.join(", ", columns) + ")";
    }

    /** The INSERT statements that load every row, a batch of rows each; none for an empty table. */
    List<String> inserts() {
        List<String> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(name).append(" VALUES ");
            List<List<String>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ",\n").append('(').append(String.join(", ", batch.get(i))).append(')');
            }
            statements.add(sql.toString());
        }
        return statements;
    }
}
