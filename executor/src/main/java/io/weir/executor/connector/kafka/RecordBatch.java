package io.weir.executor.connector.kafka;

import io.weir.executor.connector.PendingByOwner;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The record values an exactly-once kafka sink received between two checkpoint barriers, already in the table's
 * format ({@link EncodedRecords}); immutable, so a snapshot may write it from another thread while the task goes on.
 *
 * @param checkpointId the checkpoint whose barrier sealed the batch: its records are sent once that checkpoint (or
 *                     a later one) is complete; {@link Long#MAX_VALUE} for the rows a bounded input ended with, which no
 *                     checkpoint covers
 * @param recordCount  how many values {@code bytes} holds
 * @param bytes        per record the value's length (int) and its bytes
 */
record RecordBatch(long checkpointId, int recordCount, byte[] bytes) implements PendingByOwner.Batch {

    /** Hands every value, in the order received, to {@code action}. */
    void forEachValue(Consumer<byte[]> action) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            for (int i = 0; i < recordCount; i++) {
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                action.accept(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt kafka sink batch of checkpoint " + checkpointId, e);
        }
    }
}
