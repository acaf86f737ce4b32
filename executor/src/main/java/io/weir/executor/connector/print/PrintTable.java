package io.weir.executor.connector.print;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.data.DataType;
import java.util.List;

/** A print table: written to only; every row becomes a line in the log (or on standard error). */
final class PrintTable implements ConnectorTable {

    private final String tableName;
    private final List<DataType> columnTypes;
    private final String identifier;
    private final PrintTarget target;

    PrintTable(String tableName, List<DataType> columnTypes, String identifier, PrintTarget target) {
        this.tableName = tableName;
        this.columnTypes = List.copyOf(columnTypes);
        this.identifier = identifier;
        this.target = target;
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
        throw WeirException.validation("Table '" + tableName + "' uses connector 'print', which can only be written to"
                + " (INSERT INTO)");
    }

    @Override
    public OperatorFactory createSink() {
        return () -> new PrintSinkOperator(columnTypes, identifier, target);
    }

    /** Each printed row starts with its row kind, so an updating result prints as its changelog. */
    @Override
    public boolean acceptsUpdates() {
        return true;
    }
}
