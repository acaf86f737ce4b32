package io.weir.executor.connector.jdbc;

import io.weir.executor.connector.PendingByOwner;

/**
 * The rows a JDBC sink received between two checkpoint barriers, encoded by {@link EncodedRows}; immutable, so
 * a snapshot may write it from another thread while the task goes on.
 *
 * @param checkpointId the checkpoint whose barrier sealed the batch: its rows are written once that checkpoint
 *                     (or a later one) is complete
 */
record RowBatchBytes(long checkpointId, int rowCount, byte[] bytes) implements PendingByOwner.Batch {
}
