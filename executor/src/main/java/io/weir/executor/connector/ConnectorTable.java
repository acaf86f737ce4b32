package io.weir.executor.connector;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WeirException;
import java.util.BitSet;

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
     * A source for a plan that reads only the columns {@code readColumns} (indexes into the table's columns) of
     * what it scans: the reader may leave every other column null rather than produce it, which saves a generator
     * or a decoder the work of values nobody reads. Rows, their order and the read columns are those of
     * {@link #createSource()}. The default ignores the hint.
     */
    default SourceFactory createSource(BitSet readColumns) {
        return createSource();
    }

    /**
     * The sink operator of {@code INSERT INTO} this table. It consumes chunks whose columns match the table's
     * column types on input 0, emits nothing, and makes its writes final (visible to readers) at
     * {@code endInput(0)}; {@code close()} without that end discards what it wrote.
     */
    default OperatorFactory createSink() {
        throw WeirException.validation("Table '" + tableName() + "' cannot be written to");
    }

    /**
     * True when the sink applies updating rows ({@code -U}, {@code +U}, {@code -D}) rather than only inserts: the
     * planner lets an updating result (a GROUP BY over an unbounded input) be written only to such a table.
     */
    default boolean acceptsUpdates() {
        return false;
    }
}
