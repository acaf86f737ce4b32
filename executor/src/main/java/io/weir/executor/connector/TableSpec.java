package io.weir.executor.connector;

import io.weir.executor.data.DataType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table as the planner hands it to a connector: its name (for messages), its physical columns, the columns of
 * its {@code PRIMARY KEY (...) NOT ENFORCED} in key order (empty without one; upsert sinks key their writes by it),
 * the options of its {@code WITH (...)} clause (including {@code connector}) and the environment it runs in.
 */
public record TableSpec(String tableName, List<String> columnNames, List<DataType> columnTypes,
        List<String> primaryKey, Map<String, String> options, ConnectorEnvironment environment) {

    public TableSpec {
        Objects.requireNonNull(tableName, "tableName");
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        primaryKey = List.copyOf(primaryKey);
        options = Map.copyOf(options);
        Objects.requireNonNull(environment, "environment");
        if (columnNames.size() != columnTypes.size()) {
            throw new IllegalArgumentException("Table '" + tableName + "' has " + columnNames.size()
                    + " column names but " + columnTypes.size() + " column types");
        }
    }

    /** A table without a primary key. */
    public TableSpec(String tableName, List<String> columnNames, List<DataType> columnTypes,
            Map<String, String> options, ConnectorEnvironment environment) {
        this(tableName, columnNames, columnTypes, List.of(), options, environment);
    }

    /** The value of option {@code key}, or null. */
    public String option(String key) {
        return options.get(key);
    }
}
