package io.weir.executor.connector.kafka;

import io.weir.executor.api.StateReader;
import io.weir.executor.connector.PendingByOwner;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sealed batches an exactly-once kafka sink subtask holds until their checkpoint completes, grouped by owner:
 * the subtask that received the records, whose commit marker ({@link CommitMarkers}) covers them. Normally the only
 * owner is the subtask itself; after a restore at another parallelism a subtask also holds the batches of the old
 * subtasks {@code o} with {@code o % parallelism == subtask}, and after a restore from another query's savepoint the
 * owners are that query's subtasks, with that query's markers.
 *
 * <p>Also the sink's operator state, in this layout: version byte, the writing job's name, the writing subtask, the
 * number of owners, then per owner its marker group, its subtask and its number of batches, and per batch the
 * checkpoint id, the record count, the byte length and the bytes of {@link EncodedRecords}.
 */
final class PendingRecordBatches extends PendingByOwner<PendingRecordBatches.Owner, RecordBatch> {

    /**
     * Who received a batch's records.
     *
     * @param markerGroup the consumer group whose committed offset is the owner's last committed checkpoint
     * @param subtask     the subtask that received them, which decides the subtask that takes them over
     */
    record Owner(String markerGroup, int subtask) {
    }

    /** An old subtask whose state was restored: which job ran it, and its index. */
    record Writer(String jobName, int subtask) {
    }

    /** Version 1 was the state of the former sink (prepared transactions), which this one cannot take over. */
    private static final byte VERSION = 2;

    PendingRecordBatches() {
        super(LinkedHashMap::new);
    }

    static void write(DataOutput out, Writer writer, Map<Owner, List<RecordBatch>> batches) throws IOException {
        out.writeByte(VERSION);
        out.writeUTF(writer.jobName());
        out.writeInt(writer.subtask());
        out.writeInt(batches.size());
        for (Map.Entry<Owner, List<RecordBatch>> owner : batches.entrySet()) {
            out.writeUTF(owner.getKey().markerGroup());
            out.writeInt(owner.getKey().subtask());
            out.writeInt(owner.getValue().size());
            for (RecordBatch batch : owner.getValue()) {
                out.writeLong(batch.checkpointId());
                out.writeInt(batch.recordCount());
                out.writeInt(batch.bytes().length);
                out.write(batch.bytes());
            }
        }
    }

    /**
     * Adds what {@code subtask} (of {@code parallelism}) takes from every old subtask's state: the batches of each
     * owner {@code o} with {@code o % parallelism == subtask}, so every old owner goes to exactly one new subtask.
     * Returns every old subtask whose state was read.
     */
    List<Writer> restore(StateReader state, int subtask, int parallelism) throws IOException {
        List<Writer> writers = new ArrayList<>();
        for (DataInput in : state.operatorStates()) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IOException("Unknown kafka sink state version " + version);
            }
            writers.add(new Writer(in.readUTF(), in.readInt()));
            int owners = in.readInt();
            for (int i = 0; i < owners; i++) {
                Owner owner = new Owner(in.readUTF(), in.readInt());
                int count = in.readInt();
                for (int b = 0; b < count; b++) {
                    long checkpointId = in.readLong();
                    int records = in.readInt();
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    if (owner.subtask() % parallelism == subtask) {
                        add(owner, new RecordBatch(checkpointId, records, bytes));
                    }
                }
            }
        }
        return writers;
    }
}
