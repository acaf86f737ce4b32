package io.weir.executor.connector.kafka;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The record values an exactly-once kafka sink has received since the last barrier, kept as the bytes it will
 * send: the form they take in a checkpoint too, so sealing a batch at the barrier copies nothing row by row. Used
 * on the task thread only.
 */
final class EncodedRecords {

    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(bytes);
    private int recordCount;

    int recordCount() {
        return recordCount;
    }

    void append(byte[] value) {
        try {
            out.writeInt(value.length);
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        recordCount++;
    }

    /** Takes the values appended so far as an immutable batch of {@code checkpointId} and starts an empty buffer. */
    RecordBatch seal(long checkpointId) {
        RecordBatch batch = new RecordBatch(checkpointId, recordCount, bytes.toByteArray());
        bytes = new ByteArrayOutputStream();
        out = new DataOutputStream(bytes);
        recordCount = 0;
        return batch;
    }
}
