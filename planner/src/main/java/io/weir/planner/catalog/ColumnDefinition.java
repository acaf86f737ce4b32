package io.weir.planner.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.weir.executor.data.DataType;

/**
 * A column of a catalog table. A computed column ({@code c AS expr}) has its SQL expression text, evaluated
 * over the physical columns when the table is read; a physical column has none.
 */
public record ColumnDefinition(String name, DataType type, String expression) {

    @JsonIgnore
    public boolean isComputed() {
        return expression != null;
    }
}
