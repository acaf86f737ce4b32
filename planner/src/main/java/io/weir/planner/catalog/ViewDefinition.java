package io.weir.planner.catalog;

import java.util.List;

/**
 * A view: its query text and the columns it had when created (the query is re-planned on every use, and
 * its result is cast to these columns).
 */
public record ViewDefinition(String name, String query, List<ColumnDefinition> columns, String ddl) {

    public ViewDefinition {
        columns = List.copyOf(columns);
    }
}
