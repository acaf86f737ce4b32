package io.weir.executor.operators.window;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.hash.GroupHashTable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SESSION windows and their aggregates in one operator: {@code SESSION(TABLE t PARTITION BY keys,
 * DESCRIPTOR(rowtime), gap)} followed by {@code GROUP BY window_start, window_end, keys}. A session of a key
 * is a maximal run of its rows whose consecutive rowtimes are less than {@code gap} apart; its window is
 * {@code [first rowtime, last rowtime + gap)}. Output columns: the partition key columns, {@code window_start},
 * {@code window_end} (TIMESTAMP(3)), then one column per call. Rows are inserts.
 *
 * <p>Each open session keeps only its aggregates (no rows). A row that falls between two sessions merges them,
 * aggregates included. A watermark {@code W} closes every session with {@code window_end - 1 <= W}: they are
 * emitted in {@code window_end} order and freed, then {@code W} is forwarded. Since a row can only join a
 * session it is less than {@code gap} from, a row above the watermark never belongs to a session already
 * emitted, so results do not depend on where the watermarks fall. (Flink also merges rows exactly {@code gap}
 * apart; with that rule a row at a closed session's {@code window_end} would join it in batch but not in
 * streaming, so Weir keeps the strict rule.) With {@code dropLate}, rows at or below the
 * watermark on arrival are dropped and counted in {@link WindowMetrics#LATE_RECORDS_DROPPED}; rows with a
 * null rowtime are always dropped. At end of input every session closes.
 *
 * <p>DISTINCT aggregates keep each open session's distinct values (see {@link SessionDistinctValues}).
 *
 * <p>Checkpoints: open sessions are keyed state, each in the key group of its partition key (what the hash exchange
 * before this operator routes by), written with its bounds, every call's accumulator and its DISTINCT values, so a
 * restore at another parallelism gives each subtask exactly the sessions of the keys it will receive. The
 * watermark goes to operator state; a restored subtask takes the lowest of the old subtasks' as its floor. There
 * are no timers: sessions close on watermarks only.
 */
public final class SessionWindowAggregateOperator implements Operator {

    private static final byte STATE_VERSION = 1;

    private final int[] partitionKeys;
    private final int timeColumn;
    private final long gap;
    private final List<DataType> keyTypes;
    private final List<AggregateCall> calls;
    private final RowtimeFilter rowtime;

    private Sessions sessions;
    private SessionAggregateCall[] states;
    private int chunkSize;
    private int[] kept = new int[0];
    private int[] hashes = new int[0];
    private int[] slots = new int[0];

    /**
     * @param partitionKeys the PARTITION BY columns
     * @param timeColumn    the rowtime column (TIMESTAMP(3) as epoch millis)
     * @param gapMillis     the session gap ({@code > 0})
     * @param inputTypes    the input column types
     * @param calls         the aggregate calls
     * @param dropLate      drop rows at or below the watermark (streaming); false in batch mode
     */
    public SessionWindowAggregateOperator(int[] partitionKeys, int timeColumn, long gapMillis,
            List<DataType> inputTypes, List<AggregateCall> calls, boolean dropLate) {
        if (gapMillis <= 0) {
            throw new IllegalArgumentException("Session gap must be positive: " + gapMillis + " ms");
        }
        this.partitionKeys = partitionKeys.clone();
        this.timeColumn = timeColumn;
        this.gap = gapMillis;
        List<DataType> types = new ArrayList<>();
        for (int key : partitionKeys) {
            types.add(inputTypes.get(key));
        }
        this.keyTypes = List.copyOf(types);
        this.calls = List.copyOf(calls);
        this.rowtime = new RowtimeFilter(dropLate);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        rowtime.open(context);
        sessions = new Sessions(keyTypes, gap);
        states = new SessionAggregateCall[calls.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = new SessionAggregateCall(calls.get(i));
        }
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        if (size == 0) {
            return;
        }
        if (kept.length < size) {
            kept = new int[size];
            hashes = new int[size];
            slots = new int[size];
        }
        LongVector times = chunk.longColumn(timeColumn);
        int count = rowtime.select(times, size, kept);
        if (count == 0) {
            return;
        }
        Vector[] keys = chunk.columns(partitionKeys);
        GroupHashTable.hash(keys, size, hashes);
        long[] values = times.values();
        for (int i = 0; i < count; i++) {
            int r = kept[i];
            slots[r] = sessions.assign(sessions.key(keys, r, hashes[r]), values[r]);
        }
        int slotCount = sessions.slotCount();
        // Sessions bridged by this chunk: fold what earlier chunks accumulated into the surviving session.
        for (int m = 0; m < sessions.mergeCount(); m++) {
            for (SessionAggregateCall state : states) {
                state.merge(sessions.mergeTarget(m), sessions.mergeSource(m), slotCount, sessions);
            }
        }
        for (int i = 0; i < count; i++) {
            int r = kept[i];
            slots[r] = sessions.resolve(slots[r]);
        }
        for (SessionAggregateCall state : states) {
            state.accumulate(chunk, slots, slotCount, kept, count, sessions);
        }
        for (int m = 0; m < sessions.mergeCount(); m++) {
            resetSlot(sessions.mergeSource(m), slotCount);
        }
        sessions.endChunk();
    }

    @Override
    public void processWatermark(Watermark watermark, Output out) {
        rowtime.advance(watermark.timestamp());
        fire(watermark.timestamp(), out);
        out.emitWatermark(watermark);
    }

    @Override
    public void endInput(int input, Output out) {
        fire(Long.MAX_VALUE, out);
    }

    /** Emits and frees the sessions closed at {@code watermark}, in window_end order. */
    private void fire(long watermark, Output out) {
        int[] closed = sessions.takeClosed(watermark);
        if (closed.length == 0) {
            return;
        }
        int slotCount = sessions.slotCount();
        for (int from = 0; from < closed.length; from += chunkSize) {
            int count = Math.min(chunkSize, closed.length - from);
            out.emit(resultChunk(closed, from, count, slotCount));
        }
        for (int slot : closed) {
            resetSlot(slot, slotCount);
            sessions.remove(slot);
        }
        sessions.compactKeys();
        for (SessionAggregateCall state : states) {
            state.compact(sessions);
        }
    }

    private Chunk resultChunk(int[] closed, int from, int count, int slotCount) {
        int keyCount = partitionKeys.length;
        Vector[] columns = new Vector[keyCount + 2 + states.length];
        for (int k = 0; k < keyCount; k++) {
            columns[k] = sessions.keyColumn(k, closed, from, count);
        }
        LongVector starts = new LongVector(count);
        LongVector ends = new LongVector(count);
        int[] group = new int[count];
        for (int i = 0; i < count; i++) {
            int slot = closed[from + i];
            starts.set(i, sessions.start(slot));
            ends.set(i, sessions.end(slot));
            group[i] = slot;
        }
        columns[keyCount] = starts;
        columns[keyCount + 1] = ends;
        for (int i = 0; i < states.length; i++) {
            columns[keyCount + 2 + i] = states[i].results(group, count, slotCount);
        }
        return new Chunk(columns, count);
    }

    private void resetSlot(int slot, int slotCount) {
        for (SessionAggregateCall state : states) {
            state.reset(slot, slotCount);
        }
    }

    /**
     * Serializes the open sessions at the barrier, a stream per key group: the session count, their partition keys
     * as rows, their first and last rowtimes, then each call's state of them. Sessions are written oldest first, so
     * a restored subtask emits sessions that close together in the same order.
     */
    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        rowtime.snapshotInto(state);
        int[] open = sessions.openSlots();
        // A stable counting sort by key group keeps each group's sessions oldest first.
        int[] starts = new int[KeyGroups.MAX_PARALLELISM + 1];
        int[] keyGroups = new int[open.length];
        for (int i = 0; i < open.length; i++) {
            keyGroups[i] = sessions.keyGroupOf(open[i]);
            starts[keyGroups[i] + 1]++;
        }
        for (int g = 0; g < KeyGroups.MAX_PARALLELISM; g++) {
            starts[g + 1] += starts[g];
        }
        int[] sorted = new int[open.length];
        int[] next = starts.clone();
        for (int i = 0; i < open.length; i++) {
            sorted[next[keyGroups[i]]++] = open[i];
        }
        for (int g = 0; g < KeyGroups.MAX_PARALLELISM; g++) {
            int count = starts[g + 1] - starts[g];
            if (count > 0) {
                writeSessions(state.keyGroup(g), Arrays.copyOfRange(sorted, starts[g], starts[g + 1]));
            }
        }
        return state.snapshot();
    }

    private void writeSessions(DataOutput out, int[] slots) throws IOException {
        int count = slots.length;
        int[] keyIds = new int[count];
        for (int i = 0; i < count; i++) {
            keyIds[i] = sessions.keyOf(slots[i]);
        }
        ValueCodec.writeRows(out, sessions.keyColumns(), keyIds, count);
        for (int slot : slots) {
            ValueCodec.writeVarLong(out, sessions.start(slot));
            ValueCodec.writeVarLong(out, sessions.last(slot));
        }
        for (SessionAggregateCall state : states) {
            state.write(out, slots, count, sessions.slotCount());
        }
    }

    /**
     * Restores the sessions of the key groups this subtask owns now. The lowest watermark of the old subtasks
     * becomes this one's floor: a row that was late before the failure is late again, and no session that was
     * emitted before it can open again.
     */
    @Override
    public void restoreState(StateReader state) throws IOException {
        rowtime.restoreFloor(state, STATE_VERSION, "session window aggregate");
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, STATE_VERSION, "session window aggregate");
            readSessions(in);
        }
    }

    private void readSessions(DataInput in) throws IOException {
        Chunk keys = ValueCodec.readRows(in, keyTypes);
        int count = keys.size();
        int[] keyHashes = new int[count];
        GroupHashTable.hash(keys.columns(), count, keyHashes);
        int[] restored = new int[count];
        for (int i = 0; i < count; i++) {
            int key = sessions.key(keys.columns(), i, keyHashes[i]);
            long start = ValueCodec.readVarLong(in);
            long last = ValueCodec.readVarLong(in);
            restored[i] = sessions.restore(key, start, last);
        }
        for (SessionAggregateCall state : states) {
            state.read(in, restored, count, sessions.slotCount(), sessions);
        }
    }

    @Override
    public void close() {
        sessions = null;
        states = null;
    }
}
