package io.weir.executor.connector.jdbc;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.ConnectorTable;

/**
 * A table in PostgreSQL or H2: a bounded scan of its declared columns, and an exactly-once sink (upsert by the
 * Weir table's primary key, else append) committed per checkpoint and at end of input.
 */
final class JdbcTable implements ConnectorTable {

    private final String weirName;
    private final JdbcTableConfig config;

    JdbcTable(String weirName, JdbcTableConfig config) {
        this.weirName = weirName;
        this.config = config;
    }

    @Override
    public String tableName() {
        return weirName;
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
                return new JdbcTableReader(config, subtaskIndex == 0);
            }

            @Override
            public boolean isBounded() {
                return true;
            }
        };
    }

    @Override
    public OperatorFactory createSink() {
        return () -> new JdbcSinkOperator(config);
    }

    /** With a primary key the sink upserts {@code +U} rows and deletes {@code -D} rows by it; without one it appends. */
    @Override
    public boolean acceptsUpdates() {
        return config.isUpsert();
    }
}
