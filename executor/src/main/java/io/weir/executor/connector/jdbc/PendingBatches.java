package io.weir.executor.connector.jdbc;

import io.weir.executor.api.StateReader;
import io.weir.executor.connector.PendingByOwner;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sealed batches of rows a JDBC sink subtask holds until their checkpoint completes, grouped by owner: the
 * subtask that received the rows, whose commit marker covers them. Normally the only owner is the subtask itself;
 * after a restore at another parallelism a subtask also holds the batches of the old subtasks {@code o} with
 * {@code o % parallelism == subtask}.
 *
 * <p>Also the sink's operator state, in this layout: version byte, the checkpoint id of the snapshot, the number
 * of owners, then per owner its id, its number of batches and per batch the checkpoint id, the row count, the byte
 * length and the bytes of {@link EncodedRows}.
 */
final class PendingBatches extends PendingByOwner<Integer, RowBatchBytes> {

    private static final byte VERSION = 2;

    PendingBatches() {
        super(TreeMap::new);
    }

    /** What a restore found: the checkpoint the state was written for, and the job that wrote it. */
    record Restored(long checkpointId, String jobName) {
    }

    static void write(DataOutput out, String jobName, long checkpointId, Map<Integer, List<RowBatchBytes>> batches)
            throws IOException {
        out.writeByte(VERSION);
        out.writeUTF(jobName);
        out.writeLong(checkpointId);
        out.writeInt(batches.size());
        for (Map.Entry<Integer, List<RowBatchBytes>> owner : batches.entrySet()) {
            out.writeInt(owner.getKey());
            out.writeInt(owner.getValue().size());
            for (RowBatchBytes batch : owner.getValue()) {
                out.writeLong(batch.checkpointId());
                out.writeInt(batch.rowCount());
                out.writeInt(batch.bytes().length);
                out.write(batch.bytes());
            }
        }
    }

    /**
     * Adds what {@code subtask} (of {@code parallelism}) takes from every old subtask's state: the batches of
     * each owner {@code o} with {@code o % parallelism == subtask}, so every old owner goes to exactly one new
     * subtask. Returns the checkpoint id the state was written for (-1 when there was none) and the job that wrote it.
     */
    Restored restore(StateReader state, int subtask, int parallelism) throws IOException {
        long restoredCheckpoint = -1;
        String jobName = null;
        for (DataInput in : state.operatorStates()) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IOException("Unknown JDBC sink state version " + version);
            }
            jobName = in.readUTF();
            restoredCheckpoint = Math.max(restoredCheckpoint, in.readLong());
            int owners = in.readInt();
            for (int i = 0; i < owners; i++) {
                int owner = in.readInt();
                int count = in.readInt();
                for (int b = 0; b < count; b++) {
                    long checkpointId = in.readLong();
                    int rows = in.readInt();
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    if (owner % parallelism == subtask) {
                        add(owner, new RowBatchBytes(checkpointId, rows, bytes));
                    }
                }
            }
        }
        return new Restored(restoredCheckpoint, jobName);
    }
}
