package io.weir.planner.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.weir.executor.data.DataType;

/**
 * A column of a catalog table or view. A computed column ({@code c AS expr}) has its SQL expression text,
 * evaluated over the physical columns when the table is read; a physical column has none. A time attribute
 * (the column of {@code WATERMARK FOR}, a {@code PROCTIME()} column, or a view column that is one) says so in
 * {@code timeAttribute}; null for ordinary columns.
 */
public record ColumnDefinition(String name, DataType type, String expression, TimeAttribute timeAttribute) {

    /** Which kind of time a time-attribute column carries. */
    public enum TimeAttribute { ROWTIME, PROCTIME }

    public ColumnDefinition(String name, DataType type, String expression) {
        this(name, type, expression, null);
    }

    @JsonIgnore
    public boolean isComputed() {
        return expression != null;
    }

    public ColumnDefinition withTimeAttribute(TimeAttribute attribute) {
        return new ColumnDefinition(name, type, expression, attribute);
    }
}
