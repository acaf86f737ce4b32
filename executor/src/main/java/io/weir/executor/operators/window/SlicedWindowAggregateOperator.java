package io.weir.executor.operators.window;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
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
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An event-time TUMBLE or HOP window table function and the GROUP BY over it ({@code GROUP BY window_start,
 * window_end, keys}) as one operator that aggregates each row once, into its <em>slice</em>, rather than once per
 * window: slices are {@code gcd(size, slide)} long, so every window is a run of whole slices, and when a window
 * closes its slices' partial aggregates are merged into its result. A HOP of size 10 s sliding by 2 s thus costs one
 * hash lookup per row instead of five, and its rows are never copied once per window.
 *
 * <p>Results are those of a {@link WindowTableFunctionOperator} (dropping late rows) followed by a
 * {@link WindowAggregateOperator}: a row at or below the watermark is dropped and counted in
 * {@link WindowMetrics#LATE_RECORDS_DROPPED}; a watermark {@code W} emits every window with {@code window_end - 1
 * <= W} that holds rows, in {@code window_end} order, then is forwarded; end of input emits every open window.
 * Output columns: the group keys in the caller's order (each a key column of the input, or window_start or
 * window_end), then one column per call. Calls must be mergeable (no DISTINCT).
 *
 * <p>Input rows must come hash-partitioned by the key columns (in {@code keyColumns} order), or all to one subtask
 * when there are none (one group per window). Checkpoints: slices are keyed state, each group in the key group of its key; a record also carries the
 * writer's watermark, so a slice restored from a subtask that was ahead is not merged again into the windows it had
 * already emitted. Not thread-safe: the task thread calls it.
 */
public final class SlicedWindowAggregateOperator implements Operator {

    private static final byte STATE_VERSION = 1;
    /** {@link #outputKeys} markers for the window columns; other entries index {@link #keyColumns}. */
    public static final int WINDOW_START = -1;
    public static final int WINDOW_END = -2;

    private final WindowSpec spec;
    private final int timeColumn;
    private final int[] keyColumns;
    private final int[] outputKeys;
    private final List<DataType> keyTypes;
    private final List<DataType> outputTypes;
    private final List<AggregateCall> calls;
    private final long sliceLength;
    private final RowtimeFilter rowtime = new RowtimeFilter(true);
    private final WindowAssigner assigner;

    /** Slices that rows go into, by slice end. */
    private final TreeMap<Long, WindowGroups> slices = new TreeMap<>();
    /**
     * Slices restored from an old subtask whose watermark was above this one's floor, by slice end: they are merged
     * only into windows that subtask had not emitted yet. Empty outside a restore at another parallelism.
     */
    private final TreeMap<Long, List<RestoredSlice>> restored = new TreeMap<>();
    /** Ends of the windows that hold rows and have not been emitted, in the order they close. */
    private final TreeSet<Long> pendingEnds = new TreeSet<>();

    private ChunkPacker packer;
    private int[] hashes = new int[0];
    /**
     * How many groups the last slice to close held: a new slice makes room for as many, as consecutive slices of a
     * stream tend to hold alike numbers of keys, instead of growing from a few by rehashing every group each time.
     */
    private int expectedSliceGroups = 16;
    private int[] kept = new int[0];
    /** The slices of the current chunk and the rows routed to each. */
    private final ChunkBuckets buckets = new ChunkBuckets();

    /** A slice restored with the watermark its writer had emitted windows through. */
    private record RestoredSlice(long emittedThrough, WindowGroups groups) {
    }

    /**
     * @param spec       TUMBLE or HOP, event time, with a slide no longer than the size
     * @param timeColumn the input's rowtime column (TIMESTAMP(3) as epoch millis)
     * @param keyColumns the input columns grouped by besides the window; none for one group per window
     * @param outputKeys the output's group key columns: an index into {@code keyColumns}, {@link #WINDOW_START} or
     *                   {@link #WINDOW_END} (which must be present)
     * @param inputTypes the input column types
     * @param calls      the aggregate calls over input columns, none DISTINCT
     */
    public SlicedWindowAggregateOperator(WindowSpec spec, int timeColumn, int[] keyColumns, int[] outputKeys,
            List<DataType> inputTypes, List<AggregateCall> calls) {
        if (spec.time() != TimeKind.EVENT || spec.kind() == WindowKind.CUMULATE
                || spec.slideMillis() > spec.sizeMillis()) {
            throw new IllegalArgumentException("Slicing needs an event-time TUMBLE or HOP no wider in slide than size");
        }
        if (Arrays.stream(outputKeys).noneMatch(k -> k == WINDOW_END)) {
            throw new IllegalArgumentException("Slicing needs window_end among the group keys");
        }
        if (calls.stream().anyMatch(AggregateCall::distinct)) {
            throw new IllegalArgumentException("DISTINCT aggregates cannot be sliced");
        }
        this.spec = spec;
        this.timeColumn = timeColumn;
        this.keyColumns = keyColumns.clone();
        this.outputKeys = outputKeys.clone();
        List<DataType> keys = new ArrayList<>();
        for (int column : keyColumns) {
            keys.add(inputTypes.get(column));
        }
        this.keyTypes = List.copyOf(keys);
        List<DataType> out = new ArrayList<>();
        for (int key : outputKeys) {
            out.add(key >= 0 ? keyTypes.get(key) : DataType.TIMESTAMP);
        }
        calls.forEach(call -> out.add(call.resultType()));
        this.outputTypes = List.copyOf(out);
        this.calls = List.copyOf(calls);
        this.sliceLength = gcd(spec.sizeMillis(), spec.slideMillis());
        this.assigner = new WindowAssigner(spec);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The output column types: the group keys in {@code outputKeys} order, then one per call. */
    public List<DataType> outputTypes() {
        return outputTypes;
    }

    @Override
    public void open(OperatorContext context) {
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
        Vector[] keys = chunk.columns(keyColumns);
        LongVector timeVector = chunk.longColumn(timeColumn);
        int count = rowtime.select(timeVector, size, kept);
        if (count == 0) {
            return;
        }
        GroupHashTable.hash(keys, size, hashes);
        long[] times = timeVector.values();
        buckets.start(size);
        for (int i = 0; i < count; i++) {
            int r = kept[i];
            long sliceEnd = WindowAssigner.alignedStart(times[r], spec.offsetMillis(), sliceLength) + sliceLength;
            int s = buckets.find(sliceEnd);
            if (s < 0) {
                s = buckets.open(sliceEnd, slice(sliceEnd));
            }
            buckets.route(r, s);
        }
        buckets.accumulate(chunk, keys, hashes);
    }

    /** The state of the slice ending at {@code end}, created (and its windows recorded) if new. */
    private WindowGroups slice(long end) {
        WindowGroups slice = slices.get(end);
        if (slice == null) {
            slice = new WindowGroups(keyTypes, calls, expectedSliceGroups);
            slices.put(end, slice);
            registerWindows(end, rowtime.watermark());
        }
        return slice;
    }

    /** Records the windows the slice ending at {@code sliceEnd} belongs to, but those closed at {@code watermark}. */
    private void registerWindows(long sliceEnd, long watermark) {
        int windows = assigner.assign(sliceEnd - sliceLength);
        for (int j = 0; j < windows; j++) {
            long end = assigner.end(j);
            if (!RowtimeFilter.isClosed(end, watermark)) {
                pendingEnds.add(end);
            }
        }
    }

    private void ensureScratch(int size) {
        if (hashes.length < size) {
            hashes = new int[size];
            kept = new int[size];
        }
    }

    @Override
    public void processWatermark(Watermark watermark, Output out) {
        rowtime.advance(watermark.timestamp());
        fireWhile(watermark.timestamp(), out);
        out.emitWatermark(watermark);
    }

    @Override
    public void endInput(int input, Output out) {
        fireWhile(Long.MAX_VALUE, out);
    }

    /** Emits, in end order, every pending window closed at {@code watermark}, and frees the slices no window needs. */
    private void fireWhile(long watermark, Output out) {
        while (!pendingEnds.isEmpty() && RowtimeFilter.isClosed(pendingEnds.first(), watermark)) {
            long end = pendingEnds.pollFirst();
            emit(end, out);
            // The next window starts at end - size + slide: slices before it belong to no window still to come.
            long firstNeeded = end - spec.sizeMillis() + spec.slideMillis() + sliceLength;
            slices.headMap(firstNeeded, false).clear();
            restored.headMap(firstNeeded, false).clear();
        }
        packer.flush(out);
    }

    private void emit(long end, Output out) {
        long start = end - spec.sizeMillis();
        NavigableMap<Long, WindowGroups> windowSlices = slices.subMap(start, false, end, true);
        // The window holds at most as many groups as its slices together (as many when their keys differ, as the
        // auctions of Nexmark's bids do from one slice to the next): room for those from the start.
        int sliceGroups = 0;
        for (WindowGroups slice : windowSlices.values()) {
            sliceGroups += slice.size();
        }
        WindowGroups closing = slices.get(end);
        if (closing != null) {
            expectedSliceGroups = Math.max(16, closing.size());
        }
        WindowGroups window = new WindowGroups(keyTypes, calls, Math.max(16, sliceGroups));
        for (WindowGroups slice : windowSlices.values()) {
            window.mergeFrom(slice);
        }
        for (List<RestoredSlice> list : restored.subMap(start, false, end, true).values()) {
            for (RestoredSlice slice : list) {
                if (!RowtimeFilter.isClosed(end, slice.emittedThrough())) {
                    window.mergeFrom(slice.groups());
                }
            }
        }
        int groupCount = window.size();
        int keyCount = keyColumns.length;
        for (int from = 0; from < groupCount; ) {
            int count = Math.min(packer.room(), groupCount - from);
            Vector[] merged = window.results(from, count);
            Vector[] columns = new Vector[outputKeys.length + calls.size()];
            for (int k = 0; k < outputKeys.length; k++) {
                int key = outputKeys[k];
                columns[k] = key >= 0 ? merged[key] : constant(key == WINDOW_START ? start : end, count);
            }
            System.arraycopy(merged, keyCount, columns, outputKeys.length, calls.size());
            packer.add(columns, count, out);
            from += count;
        }
    }

    private static LongVector constant(long value, int count) {
        LongVector vector = new LongVector(count);
        Arrays.fill(vector.values(), 0, count, value);
        return vector;
    }

    /**
     * Serializes the slices at the barrier: each group goes to the stream of its key group as records
     * {@code (true, slice_end, emitted_through, groups)} ended by {@code false}; the watermark goes to operator state.
     */
    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        long watermark = rowtime.watermark();
        ValueCodec.writeVarLong(state.operatorState(), watermark);
        boolean[] written = new boolean[KeyGroups.MAX_PARALLELISM];
        for (Map.Entry<Long, WindowGroups> entry : slices.entrySet()) {
            writeSlice(state, entry.getKey(), watermark, entry.getValue(), written);
        }
        for (Map.Entry<Long, List<RestoredSlice>> entry : restored.entrySet()) {
            for (RestoredSlice slice : entry.getValue()) {
                writeSlice(state, entry.getKey(), Math.max(watermark, slice.emittedThrough()), slice.groups(),
                        written);
            }
        }
        for (int keyGroup = 0; keyGroup < written.length; keyGroup++) {
            if (written[keyGroup]) {
                state.keyGroup(keyGroup).writeBoolean(false);
            }
        }
        return state.snapshot();
    }

    private static void writeSlice(StateBytes state, long sliceEnd, long emittedThrough, WindowGroups slice,
            boolean[] written) throws IOException {
        int[][] byKeyGroup = new int[KeyGroups.MAX_PARALLELISM][];
        int[] counts = new int[KeyGroups.MAX_PARALLELISM];
        for (int group = 0; group < slice.size(); group++) {
            int keyGroup = slice.keyGroupOf(group);
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
                ValueCodec.writeVarLong(out, sliceEnd);
                ValueCodec.writeVarLong(out, emittedThrough);
                slice.write(out, byKeyGroup[keyGroup], counts[keyGroup]);
                written[keyGroup] = true;
            }
        }
    }

    /**
     * Restores the slices of the key groups this subtask owns now. The lowest watermark of the old subtasks becomes
     * this one's floor; a slice whose writer had emitted windows beyond it is kept apart and merged only into the
     * windows its writer had not emitted, so no group of a window is emitted twice.
     */
    @Override
    public void restoreState(StateReader state) throws IOException {
        rowtime.restoreFloor(state, STATE_VERSION, "sliced window aggregate");
        long floor = rowtime.watermark();
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, STATE_VERSION, "sliced window aggregate");
            while (in.readBoolean()) {
                long sliceEnd = ValueCodec.readVarLong(in);
                long emittedThrough = ValueCodec.readVarLong(in);
                WindowGroups slice;
                if (emittedThrough <= floor) {
                    slice = slices.get(sliceEnd);
                    if (slice == null) {
                        slice = new WindowGroups(keyTypes, calls);
                        slices.put(sliceEnd, slice);
                    }
                } else {
                    slice = new WindowGroups(keyTypes, calls);
                    restored.computeIfAbsent(sliceEnd, e -> new ArrayList<>())
                            .add(new RestoredSlice(emittedThrough, slice));
                }
                slice.read(in, keyTypes);
                registerWindows(sliceEnd, floor);
            }
        }
    }

    @Override
    public void close() {
        slices.clear();
        restored.clear();
        pendingEnds.clear();
    }
}
