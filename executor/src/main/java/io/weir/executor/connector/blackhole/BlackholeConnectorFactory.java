package io.weir.executor.connector.blackhole;

import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;

/**
 * {@code 'connector' = 'blackhole'}: a sink for benchmarks that discards every row it receives, of any row kind,
 * and counts them in the query's counter {@value #ROWS_DISCARDED}. No options.
 */
public final class BlackholeConnectorFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "blackhole";
    /** The query counter of the rows discarded, shared by the subtasks. */
    public static final String ROWS_DISCARDED = "rows_discarded";

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector(IDENTIFIER);

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        OPTIONS.validate(spec.options(), spec.columnNames());
        return new BlackholeTable(spec.tableName());
    }
}
