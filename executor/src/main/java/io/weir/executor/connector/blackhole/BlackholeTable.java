package io.weir.executor.connector.blackhole;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorTable;

/** A blackhole table: written to only, and what is written is gone. */
final class BlackholeTable implements ConnectorTable {

    private final String tableName;

    BlackholeTable(String tableName) {
        this.tableName = tableName;
    }

    @Override
    public String tableName() {
        return tableName;
    }

    /** Never scanned (see {@link #createSource}). */
    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceFactory createSource() {
        throw WeirException.validation("Table '" + tableName + "' uses connector 'blackhole', which can only be"
                + " written to (INSERT INTO)");
    }

    @Override
    public OperatorFactory createSink() {
        return BlackholeSinkOperator::new;
    }

    @Override
    public boolean acceptsUpdates() {
        return true;
    }
}
