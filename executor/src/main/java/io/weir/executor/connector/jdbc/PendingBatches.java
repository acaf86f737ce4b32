package io.weir.executor.connector.jdbc;

import io.weir.executor.api.StateReader;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
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
 *
 * <p>Mutated on the task thread only; {@link #copy()} gives the immutable view a snapshot writes elsewhere.
 */
final class PendingBatches {

    private static final byte VERSION = 2;

    /** Owner subtask to its batches in checkpoint order. */
    private final TreeMap<Integer, List<RowBatchBytes>> byOwner = new TreeMap<>();

    void add(int owner, RowBatchBytes batch) {
        byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(batch);
    }

    boolean isEmpty() {
        return byOwner.isEmpty();
    }

    /** Owners and their batches with a checkpoint id at or below {@code checkpointId}, in order. */
    Map<Integer, List<RowBatchBytes>> upTo(long checkpointId) {
        Map<Integer, List<RowBatchBytes>> selected = new TreeMap<>();
        byOwner.forEach((owner, batches) -> {
            List<RowBatchBytes> due = new ArrayList<>();
            for (RowBatchBytes batch : batches) {
                if (batch.checkpointId() <= checkpointId) {
                    due.add(batch);
                }
            }
            if (!due.isEmpty()) {
                selected.put(owner, due);
            }
        });
        return selected;
    }

    /** Forgets the batches at or below {@code checkpointId}: they are committed. */
    void removeUpTo(long checkpointId) {
        byOwner.values().forEach(batches -> batches.removeIf(batch -> batch.checkpointId() <= checkpointId));
        byOwner.values().removeIf(List::isEmpty);
    }

    /** An immutable copy (the batches themselves are immutable), for a snapshot. */
    Map<Integer, List<RowBatchBytes>> copy() {
        Map<Integer, List<RowBatchBytes>> copy = new TreeMap<>();
        byOwner.forEach((owner, batches) -> copy.put(owner, List.copyOf(batches)));
        return Collections.unmodifiableMap(copy);
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
