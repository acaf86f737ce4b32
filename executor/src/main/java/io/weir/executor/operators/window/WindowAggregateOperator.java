package io.weir.executor.operators.window;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.TimerService;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * GROUP BY over the output of a window table function ({@code GROUP BY window_start, window_end, keys}): the
 * result of each window is emitted once, insert-only, when the window closes, and the window's state is freed.
 * Output columns are those of a batch hash aggregate: the group key columns in {@code groupKeys} order, then
 * one column per call; over the same rows it gives exactly the batch result.
 *
 * <p>State is kept per window, keyed by {@code window_end} (a group key, so no group spans two windows).
 * EVENT time: a watermark {@code W} closes every window with {@code window_end - 1 <= W}; their groups are
 * emitted in {@code window_end} order, then {@code W} is forwarded. A row whose window has already closed is
 * dropped and counted in {@link WindowMetrics#LATE_RECORDS_DROPPED} (the window table function upstream
 * normally drops such rows first). PROCESSING time: each window registers a processing-time timer at its
 * {@code window_end} and closes when it fires; a row that arrives after its window closed opens it again and its
 * result is emitted at the next timer. At end of input every open window closes.
 *
 * <p>Checkpoints: open windows are keyed state, each group in the key group of its whole group key (the keys the
 * hash exchange before this operator routes by), so a restore at another parallelism gives each subtask exactly
 * the groups whose rows it will receive.
 */
public final class WindowAggregateOperator implements Operator {

    private static final byte STATE_VERSION = 1;

    private final int[] groupKeys;
    private final int windowEndColumn;
    private final List<DataType> keyTypes;
    private final List<DataType> outputTypes;
    private final List<AggregateCall> calls;
    private final TimeKind time;
    private final RowtimeFilter rowtime = new RowtimeFilter(true);
    /** Open windows by {@code window_end}, the order in which they close. */
    private final TreeMap<Long, WindowGroups> windows = new TreeMap<>();

    private TimerService timers;
    private ChunkPacker packer;
    /** Per input row: the hash of its group key. */
    private int[] hashes = new int[0];
    /** The windows of the current chunk and the rows routed to each. */
    private final ChunkBuckets buckets = new ChunkBuckets();

    /**
     * @param groupKeys         input columns to group by; must include {@code windowEndColumn} (and, in plans,
     *                          the window start)
     * @param windowStartColumn input column of {@code window_start}
     * @param windowEndColumn   input column of {@code window_end}: decides when a row's window closes
     * @param inputTypes        the input column types
     * @param calls             the aggregate calls
     * @param time              EVENT: windows close on watermarks; PROCESSING: on processing-time timers
     */
    public WindowAggregateOperator(int[] groupKeys, int windowStartColumn, int windowEndColumn,
            List<DataType> inputTypes, List<AggregateCall> calls, TimeKind time) {
        if (Arrays.stream(groupKeys).noneMatch(k -> k == windowEndColumn)) {
            throw new IllegalArgumentException("The group keys " + Arrays.toString(groupKeys)
                    + " must include the window_end column " + windowEndColumn);
        }
        if (windowStartColumn < 0 || windowStartColumn >= inputTypes.size()) {
            throw new IllegalArgumentException("No window_start column " + windowStartColumn);
        }
        this.groupKeys = groupKeys.clone();
        this.windowEndColumn = windowEndColumn;
        List<DataType> types = new ArrayList<>();
        for (int key : groupKeys) {
            types.add(inputTypes.get(key));
        }
        this.keyTypes = List.copyOf(types);
        calls.forEach(call -> types.add(call.resultType()));
        this.outputTypes = List.copyOf(types);
        this.calls = List.copyOf(calls);
        this.time = time;
    }

    @Override
    public void open(OperatorContext context) {
        timers = context.timerService();
        rowtime.open(context);
        packer = new ChunkPacker(outputTypes, context.chunkSize());
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        if (size == 0) {
            return;
        }
        ensureScratch(size);
        Vector[] keys = chunk.columns(groupKeys);
        GroupHashTable.hash(keys, size, hashes);
        route(chunk, size);
        buckets.accumulate(chunk, keys, hashes);
    }

    /**
     * Finds each row's window (creating windows as needed) and routes the row to the window's bucket. Rows of no
     * window, or of a closed one, are left out.
     */
    private void route(Chunk chunk, int size) {
        LongVector endVector = chunk.longColumn(windowEndColumn);
        long[] ends = endVector.values();
        boolean[] nulls = endVector.mayHaveNulls() ? endVector.nullMask() : null;
        buckets.start(size);
        int late = 0;
        for (int r = 0; r < size; r++) {
            // A window table function never produces a null window_end; such a row belongs to no window.
            if (nulls != null && nulls[r]) {
                continue;
            }
            long end = ends[r];
            if (time == TimeKind.EVENT && RowtimeFilter.isClosed(end, rowtime.watermark())) {
                late++;
                continue;
            }
            int w = buckets.find(end);
            if (w < 0) {
                w = buckets.open(end, window(end));
            }
            buckets.route(r, w);
        }
        rowtime.countLate(late);
    }

    /** The state of the window ending at {@code end}, created (with its timer, for processing time) if new. */
    private WindowGroups window(long end) {
        WindowGroups window = windows.get(end);
        if (window == null) {
            window = new WindowGroups(keyTypes, calls);
            windows.put(end, window);
            if (time == TimeKind.PROCESSING) {
                timers.registerProcessingTimeTimer(end);
            }
        }
        return window;
    }

    private void ensureScratch(int size) {
        if (hashes.length < size) {
            hashes = new int[size];
        }
    }

    @Override
    public void processWatermark(Watermark watermark, Output out) {
        if (time == TimeKind.EVENT) {
            rowtime.advance(watermark.timestamp());
            fireWhile(watermark.timestamp(), true, out);
        }
        out.emitWatermark(watermark);
    }

    @Override
    public void onProcessingTime(long timestamp, Output out) {
        if (time == TimeKind.PROCESSING) {
            fireWhile(timestamp, false, out);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        fireWhile(Long.MAX_VALUE, true, out);
    }

    /**
     * Emits and frees, in {@code window_end} order, every window closed at {@code timestamp}: by the watermark
     * rule when {@code watermark} is true, else (a processing-time timer) every window with
     * {@code window_end <= timestamp}.
     */
    private void fireWhile(long timestamp, boolean watermark, Output out) {
        while (!windows.isEmpty()) {
            long end = windows.firstKey();
            boolean closed = watermark ? RowtimeFilter.isClosed(end, timestamp) : end <= timestamp;
            if (!closed) {
                break;
            }
            Map.Entry<Long, WindowGroups> entry = windows.pollFirstEntry();
            emit(entry.getValue(), out);
        }
        packer.flush(out);
    }

    private void emit(WindowGroups window, Output out) {
        int groupCount = window.size();
        for (int from = 0; from < groupCount; ) {
            int count = Math.min(packer.room(), groupCount - from);
            packer.add(window.results(from, count), count, out);
            from += count;
        }
    }

    /**
     * Serializes the open windows at the barrier: each group goes to the stream of its key group (a window's groups
     * spread over many), as records {@code (true, window_end, groups)} ended by {@code false}; the watermark goes
     * to operator state.
     */
    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        ValueCodec.writeVarLong(state.operatorState(), rowtime.watermark());
        int[][] byKeyGroup = new int[KeyGroups.MAX_PARALLELISM][];
        int[] counts = new int[KeyGroups.MAX_PARALLELISM];
        for (Map.Entry<Long, WindowGroups> entry : windows.entrySet()) {
            WindowGroups window = entry.getValue();
            Arrays.fill(counts, 0);
            for (int group = 0; group < window.size(); group++) {
                int keyGroup = window.keyGroupOf(group);
                if (byKeyGroup[keyGroup] == null || byKeyGroup[keyGroup].length == counts[keyGroup]) {
                    byKeyGroup[keyGroup] = byKeyGroup[keyGroup] == null ? new int[16]
                            : Arrays.copyOf(byKeyGroup[keyGroup], counts[keyGroup] * 2);
                }
                byKeyGroup[keyGroup][counts[keyGroup]++] = group;
            }
            for (int keyGroup = 0; keyGroup < counts.length; keyGroup++) {
                if (counts[keyGroup] > 0) {
                    DataOutput out = state.keyGroup(keyGroup);
                    out.writeBoolean(true);
                    ValueCodec.writeVarLong(out, entry.getKey());
                    window.write(out, byKeyGroup[keyGroup], counts[keyGroup]);
                }
            }
        }
        for (int keyGroup = 0; keyGroup < counts.length; keyGroup++) {
            if (byKeyGroup[keyGroup] != null) {
                state.keyGroup(keyGroup).writeBoolean(false);
            }
        }
        return state.snapshot();
    }

    /**
     * Restores the windows of the key groups this subtask owns now; processing-time windows register their timers
     * again. The lowest watermark of the old subtasks becomes this one's floor: a row of a window that fired before
     * the failure is late again, so no window is emitted twice.
     */
    @Override
    public void restoreState(StateReader state) throws IOException {
        long floor = Long.MAX_VALUE;
        for (DataInput in : state.operatorStates()) {
            StateBytes.checkVersion(in, STATE_VERSION, "window aggregate");
            floor = Math.min(floor, ValueCodec.readVarLong(in));
        }
        if (floor != Long.MAX_VALUE) {
            rowtime.advance(floor);
        }
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, STATE_VERSION, "window aggregate");
            while (in.readBoolean()) {
                long end = ValueCodec.readVarLong(in);
                WindowGroups window = windows.get(end);
                if (window == null) {
                    window = new WindowGroups(keyTypes, calls);
                    windows.put(end, window);
                    if (time == TimeKind.PROCESSING) {
                        timers.registerProcessingTimeTimer(end);
                    }
                }
                window.read(in, keyTypes);
            }
        }
    }

    @Override
    public void close() {
        windows.clear();
    }
}
