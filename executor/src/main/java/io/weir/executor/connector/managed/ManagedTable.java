package io.weir.executor.connector.managed;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.JdbcConnectionProvider;
import io.weir.executor.data.DataType;
import java.util.List;

/** A managed table: a bounded scan in insertion order (one split, read by subtask 0) and a batch insert sink. */
final class ManagedTable implements ConnectorTable {

    private final String storageName;
    private final List<DataType> columnTypes;
    private final JdbcConnectionProvider connections;

    ManagedTable(String storageName, List<DataType> columnTypes, JdbcConnectionProvider connections) {
        this.storageName = storageName;
        this.columnTypes = List.copyOf(columnTypes);
        this.connections = connections;
    }

    @Override
    public String tableName() {
        return storageName;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceFactory createSource() {
        return new SourceFactory() {
            @Override
            public SourceReader createReader(int subtaskIndex, int parallelism) {
                return new ManagedTableReader(storageName, columnTypes, connections, subtaskIndex == 0);
            }

            @Override
            public boolean isBounded() {
                return true;
            }
        };
    }

    @Override
    public OperatorFactory createSink() {
        return () -> new ManagedTableWriter(storageName, columnTypes, connections);
    }
}
