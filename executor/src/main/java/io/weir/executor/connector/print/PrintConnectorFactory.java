package io.weir.executor.connector.print;

import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;

/**
 * {@code 'connector' = 'print'}: a sink for debugging that writes every row it receives, of any row kind, as
 * {@code +I[v1, v2, ...]} (see {@link PrintSinkOperator}) to the server's log at INFO, or to the process's
 * standard error with {@code 'standard-error' = 'true'}; {@code 'print-identifier'} prefixes each line.
 */
public final class PrintConnectorFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "print";

    static final String PRINT_IDENTIFIER = "print-identifier";
    static final String STANDARD_ERROR = "standard-error";

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector(IDENTIFIER)
            .optional(PRINT_IDENTIFIER, STANDARD_ERROR);

    private final PrintTarget log;
    private final PrintTarget standardError;

    public PrintConnectorFactory() {
        this(PrintTarget.log(), PrintTarget.standardError());
    }

    /** Writes to the given targets instead of the log and standard error (for tests). */
    PrintConnectorFactory(PrintTarget log, PrintTarget standardError) {
        this.log = log;
        this.standardError = standardError;
    }

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        OptionReader options = OPTIONS.validate(spec.options(), spec.columnNames());
        PrintTarget target = options.getBoolean(STANDARD_ERROR, false) ? standardError : log;
        return new PrintTable(spec.tableName(), spec.columnTypes(), options.get(PRINT_IDENTIFIER, ""), target);
    }
}
