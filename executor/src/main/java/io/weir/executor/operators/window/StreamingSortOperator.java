package io.weir.executor.operators.window;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.sort.IntSorter;
import io.weir.executor.operators.sort.RowComparator;
import io.weir.executor.operators.store.RowStore;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming {@code ORDER BY rowtime [, keys] [LIMIT n]}: rows wait in a buffer until the watermark reaches their
 * rowtime ({@code rowtime <= W}); then, before the watermark is forwarded, they are emitted ordered by rowtime,
 * then by the other keys, then by arrival. Every later row has a greater rowtime, so the output as a whole is
 * in order. With a fetch, at most {@code fetch} rows are emitted in total, and then the operator is finished
 * ({@link #isFinished}): over an unbounded input the query ends.
 *
 * <p>Rows whose rowtime is at or below the watermark on arrival are late: dropped and counted in
 * {@link WindowMetrics#LATE_RECORDS_DROPPED}. Rows with a null rowtime can never be placed and are dropped.
 * At end of input all buffered rows are emitted. Emitted rows are inserts; output columns are the input's.
 *
 * <p>Checkpoints: operator state (the planner runs it at parallelism 1) holds the watermark, the rows emitted so
 * far (for the fetch) and the waiting rows in arrival order. A restored operator takes the lowest watermark of the
 * old subtasks as its own, so rows that were late before the failure are late again.
 */
public final class StreamingSortOperator implements Operator {

    /** Compact the buffer once this many emitted rows sit in it and they outnumber the waiting ones. */
    private static final int COMPACT_AT = 1024;
    private static final byte STATE_VERSION = 1;

    private final int timeColumn;
    private final RowComparator comparator;
    private final long fetch;
    private final List<DataType> types;
    private final RowtimeFilter rowtime = new RowtimeFilter(true);

    private int chunkSize;
    /** Buffered rows, waiting ones and (until compaction) emitted ones. */
    private RowStore store;
    /** The waiting rows by (rowtime, arrival); refs are indexes into {@link #store}. */
    private final TimeQueue waiting = new TimeQueue();
    private long arrivals;
    private long emitted;
    /** Rows in {@link #store} that were already emitted. */
    private int dead;
    /** The fetch is exhausted: nothing will be emitted again. */
    private boolean done;
    private int[] kept = new int[0];

    /**
     * @param timeColumn the rowtime column (TIMESTAMP(3) as epoch millis), sorted ascending first
     * @param keys       the further ORDER BY keys (listing the rowtime first again, ascending, is allowed)
     * @param descending per key: true for DESC
     * @param nullsFirst per key: true for NULLS FIRST
     * @param fetch      the most rows to emit, or -1 for all
     * @param types      input (and output) column types
     */
    public StreamingSortOperator(int timeColumn, int[] keys, boolean[] descending, boolean[] nullsFirst, long fetch,
            List<DataType> types) {
        if (keys.length > 0 && keys[0] == timeColumn && descending[0]) {
            throw new IllegalArgumentException("A streaming ORDER BY must sort its rowtime ascending");
        }
        int[] allKeys = new int[keys.length + 1];
        boolean[] allDescending = new boolean[keys.length + 1];
        boolean[] allNullsFirst = new boolean[keys.length + 1];
        allKeys[0] = timeColumn;
        System.arraycopy(keys, 0, allKeys, 1, keys.length);
        System.arraycopy(descending, 0, allDescending, 1, keys.length);
        System.arraycopy(nullsFirst, 0, allNullsFirst, 1, keys.length);
        this.timeColumn = timeColumn;
        this.comparator = new RowComparator(allKeys, allDescending, allNullsFirst);
        this.fetch = fetch;
        this.types = List.copyOf(types);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        rowtime.open(context);
        store = new RowStore(types);
        done = fetch == 0;
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        if (done || size == 0) {
            return;
        }
        if (kept.length < size) {
            kept = new int[size];
        }
        int count = rowtime.select(chunk.longColumn(timeColumn), size, kept);
        if (count == 0) {
            return;
        }
        int first = store.append(chunk.select(kept, count));
        long[] times = chunk.longColumn(timeColumn).values();
        for (int i = 0; i < count; i++) {
            waiting.push(times[kept[i]], arrivals++, first + i);
        }
    }

    @Override
    public void processWatermark(Watermark watermark, Output out) {
        rowtime.advance(watermark.timestamp());
        release(watermark.timestamp(), out);
        out.emitWatermark(watermark);
    }

    @Override
    public void endInput(int input, Output out) {
        release(Long.MAX_VALUE, out);
    }

    /** Emits, in order, the waiting rows with a rowtime at or below {@code watermark}. */
    private void release(long watermark, Output out) {
        if (done) {
            return;
        }
        int count = 0;
        int[] ready = new int[Math.min(waiting.size(), 1024)];
        while (!waiting.isEmpty() && waiting.peekTime() <= watermark) {
            if (count == ready.length) {
                ready = Arrays.copyOf(ready, count * 2);
            }
            ready[count++] = waiting.peekRef();
            waiting.pop();
        }
        if (count == 0) {
            return;
        }
        // Popped in (rowtime, arrival) order; the stable sort orders each rowtime's rows by the other keys.
        RowStore rows = store;
        IntSorter.sort(ready, count, (a, b) -> comparator.compare(rows.columns(), a, rows.columns(), b));
        int emit = fetch < 0 ? count : (int) Math.min(count, fetch - emitted);
        for (int from = 0; from < emit; from += chunkSize) {
            int n = Math.min(chunkSize, emit - from);
            out.emit(store.gather(Arrays.copyOfRange(ready, from, from + n), n));
        }
        emitted += emit;
        dead += count;
        if (fetch >= 0 && emitted >= fetch) {
            done = true;
            waiting.clear();
            store = null;
        } else if (dead >= COMPACT_AT && dead > waiting.size()) {
            compact();
        }
    }

    /** Drops emitted rows from the buffer, keeping the waiting ones in their arrival order. */
    private void compact() {
        int[] live = waiting.refs();
        Arrays.sort(live);
        int[] mapping = new int[store.size()];
        for (int i = 0; i < live.length; i++) {
            mapping[live[i]] = i;
        }
        RowStore compacted = new RowStore(types, Math.max(live.length, 64));
        if (live.length > 0) {
            compacted.append(store.gather(live, live.length));
        }
        waiting.remapRefs(mapping);
        store = compacted;
        dead = 0;
    }

    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        DataOutput out = state.operatorState();
        ValueCodec.writeVarLong(out, rowtime.watermark());
        ValueCodec.writeVarLong(out, emitted);
        out.writeBoolean(done);
        // Store indexes grow with arrival (compaction keeps their order), so sorted refs are arrival order.
        int[] live = waiting.refs();
        Arrays.sort(live);
        ValueCodec.writeRows(out, done ? new Vector[0] : store.columns(), live, live.length);
        return state.snapshot();
    }

    @Override
    public void restoreState(StateReader state) throws IOException {
        long floor = Long.MAX_VALUE;
        for (DataInput in : state.operatorStates()) {
            StateBytes.checkVersion(in, STATE_VERSION, "streaming ORDER BY");
            floor = Math.min(floor, ValueCodec.readVarLong(in));
            emitted += ValueCodec.readVarLong(in);
            boolean wasDone = in.readBoolean();
            done |= wasDone || (fetch >= 0 && emitted >= fetch);
            Chunk rows = ValueCodec.readRows(in, wasDone ? List.of() : types);
            if (!done && rows.size() > 0) {
                int first = store.append(rows);
                long[] times = rows.longColumn(timeColumn).values();
                for (int i = 0; i < rows.size(); i++) {
                    waiting.push(times[i], arrivals++, first + i);
                }
            }
        }
        if (floor != Long.MAX_VALUE) {
            rowtime.advance(floor);
        }
        if (done) {
            waiting.clear();
            store = null;
        }
    }

    /** The fetch is exhausted: later rows cannot change the output, so the task need not read them. */
    @Override
    public boolean isFinished() {
        return done;
    }

    @Override
    public void close() {
        store = null;
        waiting.clear();
    }
}
