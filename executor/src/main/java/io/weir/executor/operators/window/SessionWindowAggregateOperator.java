package io.weir.executor.operators.window;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.hash.GroupHashTable;
import java.util.ArrayList;
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
 */
public final class SessionWindowAggregateOperator implements Operator {

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
        Vector[] keys = new Vector[partitionKeys.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = chunk.column(partitionKeys[k]);
        }
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

    @Override
    public void close() {
        sessions = null;
        states = null;
    }
}
