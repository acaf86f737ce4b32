package io.weir.executor.connector.datagen;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.connector.ConnectorTable;
import java.util.List;

/** A generated table; read-only. Bounded when it has a row count or a sequence column. */
final class DataGenTable implements ConnectorTable {

    private final String tableName;
    private final List<FieldSpec> fields;
    private final long totalRows;
    private final double rowsPerSecond;

    DataGenTable(String tableName, List<FieldSpec> fields, long totalRows, double rowsPerSecond) {
        this.tableName = tableName;
        this.fields = List.copyOf(fields);
        this.totalRows = totalRows;
        this.rowsPerSecond = rowsPerSecond;
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public boolean isBounded() {
        return totalRows != DataGenSource.UNBOUNDED;
    }

    @Override
    public SourceFactory createSource() {
        return new DataGenSource(tableName, fields, totalRows, rowsPerSecond);
    }
}
