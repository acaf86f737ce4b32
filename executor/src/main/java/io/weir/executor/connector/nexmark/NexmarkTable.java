package io.weir.executor.connector.nexmark;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.data.DataType;
import java.util.BitSet;
import java.util.List;

/** A nexmark table: read-only; bounded when {@code events.num} is set. */
final class NexmarkTable implements ConnectorTable {

    private final String tableName;
    private final NexmarkConfig config;
    private final List<DataType> columnTypes;
    private final int[] entityColumns;

    NexmarkTable(String tableName, NexmarkConfig config, List<DataType> columnTypes, int[] entityColumns) {
        this.tableName = tableName;
        this.config = config;
        this.columnTypes = List.copyOf(columnTypes);
        this.entityColumns = entityColumns.clone();
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public boolean isBounded() {
        return config.isBounded();
    }

    @Override
    public SourceFactory createSource() {
        BitSet all = new BitSet();
        all.set(0, columnTypes.size());
        return createSource(all);
    }

    /** Generates only the read columns: every column draws from its own random stream, so the others are free. */
    @Override
    public SourceFactory createSource(BitSet readColumns) {
        return new NexmarkSource(config, columnTypes, entityColumns, readColumns);
    }
}
