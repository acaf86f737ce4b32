package io.weir.executor.connector.jdbc;

import io.weir.executor.api.WeirException;
import java.util.ArrayList;
import java.util.List;

/**
 * What differs between the databases the {@code jdbc} connector writes: how an upsert is spelled. Table names are
 * used as written (so they follow the database's case folding); column names are quoted, as the Weir table spells
 * them.
 */
enum JdbcDialect {

    /** {@code INSERT ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c}. */
    POSTGRESQL("jdbc:postgresql:") {
        @Override
        String upsert(String table, List<String> columns, List<String> key) {
            List<String> updates = new ArrayList<>();
            for (String column : columns) {
                if (!key.contains(column)) {
                    updates.add(quote(column) + " = EXCLUDED." + quote(column));
                }
            }
            return insert(table, columns) + " ON CONFLICT (" + quotedList(key) + ") "
                    + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + String.join(", ", updates));
        }
    },
    /** {@code MERGE INTO t (...) KEY (...) VALUES (...)}. */
    H2("jdbc:h2:") {
        @Override
        String upsert(String table, List<String> columns, List<String> key) {
            return "MERGE INTO " + table + " (" + quotedList(columns) + ") KEY (" + quotedList(key) + ") VALUES ("
                    + placeholders(columns.size()) + ")";
        }
    };

    private final String urlPrefix;

    JdbcDialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The dialect of {@code url}. */
    static JdbcDialect forUrl(String url) {
        for (JdbcDialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw WeirException.validation("Option 'url' must name a PostgreSQL (jdbc:postgresql:...) or H2 (jdbc:h2:...)"
                + " database, got '" + url + "'");
    }

    /** Inserts or replaces the row with the same {@code key}; parameters are {@code columns} in order. */
    abstract String upsert(String table, List<String> columns, List<String> key);

    /** Appends a row; parameters are {@code columns} in order. */
    String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + quotedList(columns) + ") VALUES (" + placeholders(columns.size()) + ")";
    }

    /** Deletes the row with {@code key}; parameters are the key columns in order. */
    String delete(String table, List<String> key) {
        List<String> conditions = new ArrayList<>();
        for (String column : key) {
            conditions.add(quote(column) + " = ?");
        }
        return "DELETE FROM " + table + " WHERE " + String.join(" AND ", conditions);
    }

    String select(String table, List<String> columns) {
        return "SELECT " + quotedList(columns) + " FROM " + table;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quotedList(List<String> identifiers) {
        List<String> quoted = new ArrayList<>();
        for (String identifier : identifiers) {
            quoted.add(quote(identifier));
        }
        return String.join(", ", quoted);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
