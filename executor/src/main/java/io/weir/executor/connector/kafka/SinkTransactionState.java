package io.weir.executor.connector.kafka;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an exactly-once kafka sink subtask keeps in a checkpoint: its index, how many transactional ids
 * (slots) it has used, and its prepared transactions not yet committed, as (checkpoint, slot) pairs.
 *
 * <p>Layout (operator state): version byte 1, subtask (int), slot count (int), count (int), then per
 * transaction the checkpoint id (long) and slot (int).
 *
 * @param subtask   the subtask that wrote it, whose transactional ids are {@code <prefix>-<subtask>-<slot>}
 * @param slotCount slots {@code 0 .. slotCount - 1} may hold transactions
 * @param prepared  the prepared transactions, oldest first
 */
record SinkTransactionState(int subtask, int slotCount, List<Prepared> prepared) {

    /** Transaction of checkpoint {@code checkpointId}, held by slot {@code slot}. */
    record Prepared(long checkpointId, int slot) {
    }

    private static final int VERSION = 1;

    SinkTransactionState {
        prepared = List.copyOf(prepared);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeByte(VERSION);
        out.writeInt(subtask);
        out.writeInt(slotCount);
        out.writeInt(prepared.size());
        for (Prepared transaction : prepared) {
            out.writeLong(transaction.checkpointId());
            out.writeInt(transaction.slot());
        }
    }

    static SinkTransactionState readFrom(DataInput in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("Unknown kafka sink state version " + version);
        }
        int subtask = in.readInt();
        int slotCount = in.readInt();
        int count = in.readInt();
        List<Prepared> prepared = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            prepared.add(new Prepared(in.readLong(), in.readInt()));
        }
        return new SinkTransactionState(subtask, slotCount, prepared);
    }
}
