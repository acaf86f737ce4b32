package io.weir.executor.connector;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WeirException;

/**
 * A table whose options a connector has validated: it can be scanned and, if the connector allows, written.
 *
 * <p>Both factories may be called at planning time and must report a user's mistake (a missing input path, a
 * directory outside the allowed roots) as a {@link WeirException} of kind VALIDATION there, not when the job runs.
 */
public interface ConnectorTable {

    /** The table's name, for messages. */
    String tableName();

    /** True when a scan ends by itself (a batch source); false for a source that produces rows forever. */
    boolean isBounded();

    SourceFactory createSource();

    /**
     * The sink operator of {@code INSERT INTO} this table. It consumes chunks whose columns match the table's
     * column types on input 0, emits nothing, and makes its writes final (visible to readers) at
     * {@code endInput(0)}; {@code close()} without that end discards what it wrote.
     */
    default OperatorFactory createSink() {
        throw WeirException.validation("Table '" + tableName() + "' cannot be written to");
    }
}
