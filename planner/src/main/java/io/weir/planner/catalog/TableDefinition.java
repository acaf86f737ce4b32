package io.weir.planner.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * A table as the catalog keeps it (persisted as JSON, so fields are plain data).
 *
 * @param storageName     for a managed table (no {@code WITH} options): the name of its storage in the
 *                        embedded database; null for connector tables
 * @param watermarkColumn the rowtime column of {@code WATERMARK FOR col AS expr}, or null
 * @param watermarkExpression the expression's SQL text, or null
 * @param ddl             the CREATE TABLE statement as the user wrote it
 */
public record TableDefinition(
        String name,
        List<ColumnDefinition> columns,
        String watermarkColumn,
        String watermarkExpression,
        List<String> primaryKey,
        Map<String, String> options,
        String storageName,
        String comment,
        String ddl) {

    public TableDefinition {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        options = Map.copyOf(options);
    }

    @JsonIgnore
    public boolean isManaged() {
        return storageName != null;
    }

    public List<ColumnDefinition> physicalColumns() {
        return columns.stream().filter(c -> !c.isComputed()).toList();
    }

    public boolean hasComputedColumns() {
        return columns.stream().anyMatch(ColumnDefinition::isComputed);
    }
}
