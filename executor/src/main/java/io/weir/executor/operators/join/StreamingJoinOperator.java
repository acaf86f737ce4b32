package io.weir.executor.operators.join;

import io.weir.executor.api.Counter;
import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.ScalarEvaluator;
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
import io.weir.executor.operators.sort.IntSorter;
import io.weir.executor.operators.store.RowStore;
import io.weir.executor.operators.window.WindowMetrics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streaming inner equi-join of input 0 (left) and input 1 (right), both insert-only. Every arriving row is first
 * matched against the rows the other input stored before it, then stored itself; so each matching pair is emitted
 * exactly once, as soon as its later row arrives, whatever the order of the inputs. Output: left columns ++ right
 * columns, inserts; watermarks pass through (the runtime forwards the minimum of both inputs).
 *
 * <p>A <em>regular</em> join keeps every row for ever, as Flink's does without a state TTL. A <em>window</em> join
 * (both inputs are event-time window aggregates and the keys equate their {@code window_end}s) keeps rows by window
 * and drops a window once the watermark has passed its last millisecond: a window aggregate emits a window's rows
 * before the watermark that closes it, so no row of that window can come from either side later. A row of an
 * already closed window is late: dropped and counted in {@link WindowMetrics#LATE_RECORDS_DROPPED}.
 *
 * <p>Keys match under SQL equality (a null key matches nothing) except null-safe ones ({@code IS NOT DISTINCT
 * FROM}); the residual condition, over left ++ right columns, keeps only pairs where it is TRUE.
 *
 * <p>Checkpoints: the stored rows of both sides by key group (the key group of the row's join key, which is how
 * the hash exchange routes rows here), so the join restores at any parallelism; the watermark as operator state,
 * whose minimum over the old subtasks is the restored floor below which window rows are late.
 */
public final class StreamingJoinOperator implements Operator {

    private static final byte STATE_VERSION = 1;
    /** The one partition of a regular join's rows. */
    private static final long ALL_ROWS = Long.MIN_VALUE;

    private final int[][] keys;
    private final boolean[] nullSafe;
    private final ScalarEvaluator residual;
    private final List<List<DataType>> types;
    /** Per input, the column of its {@code window_end}; both -1 for a regular join. */
    private final int[] windowEnds;

    /** Stored rows by partition: the window end of a window join, {@link #ALL_ROWS} for a regular join. */
    private final TreeMap<Long, Sides> partitions = new TreeMap<>();
    private InnerPairs pairs;
    private Counter lateRecordsDropped;
    private long watermark = Long.MIN_VALUE;
    private int[] positions = new int[0];

    /**
     * @param leftKeys        key columns of the left input
     * @param rightKeys       key columns of the right input, of the same physical types, in the same order
     * @param nullSafe        per key: true when null equals null (IS NOT DISTINCT FROM)
     * @param residual        extra condition over left ++ right columns, or null
     * @param leftWindowEnd   the left input's window_end column of a window join, or -1
     * @param rightWindowEnd  the right input's window_end column of a window join, or -1
     */
    public StreamingJoinOperator(int[] leftKeys, int[] rightKeys, boolean[] nullSafe, ScalarEvaluator residual,
            List<DataType> leftTypes, List<DataType> rightTypes, int leftWindowEnd, int rightWindowEnd) {
        if (leftKeys.length != rightKeys.length || nullSafe.length != leftKeys.length || leftKeys.length == 0) {
            throw new IllegalArgumentException("A streaming join needs left and right keys that pair up");
        }
        if ((leftWindowEnd < 0) != (rightWindowEnd < 0)) {
            throw new IllegalArgumentException("A window join needs the window_end of both inputs");
        }
        this.keys = new int[][] {leftKeys.clone(), rightKeys.clone()};
        this.nullSafe = nullSafe.clone();
        this.residual = residual;
        this.types = List.of(List.copyOf(leftTypes), List.copyOf(rightTypes));
        this.windowEnds = new int[] {leftWindowEnd, rightWindowEnd};
    }

    /** The rows of one partition, per input, each hashed on its join keys. */
    private final class Sides {
        private final BuildSide[] byInput = new BuildSide[2];

        BuildSide of(int input) {
            if (byInput[input] == null) {
                byInput[input] = new BuildSide(keys[input], nullSafe, types.get(input));
            }
            return byInput[input];
        }

        boolean isEmpty(int input) {
            return byInput[input] == null || byInput[input].rows().size() == 0;
        }
    }

    @Override
    public void open(OperatorContext context) {
        pairs = new InnerPairs(residual, context.chunkSize());
        lateRecordsDropped = context.counter(WindowMetrics.LATE_RECORDS_DROPPED);
    }

    private boolean isWindowJoin() {
        return windowEnds[0] >= 0;
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (chunk.isEmpty()) {
            return;
        }
        if (!isWindowJoin()) {
            join(partition(ALL_ROWS), input, chunk, out);
            return;
        }
        LongVector ends = chunk.longColumn(windowEnds[input]);
        long[] values = ends.values();
        int size = chunk.size();
        boolean oneWindow = !ends.mayHaveNulls();
        for (int row = 1; row < size && oneWindow; row++) {
            oneWindow = values[row] == values[0];
        }
        if (oneWindow) {
            joinWindow(values[0], input, chunk, out);
            return;
        }
        // Rows of several windows (a window aggregate emits them together when one watermark closes them all).
        if (positions.length < size) {
            positions = new int[size];
        }
        int count = 0;
        for (int row = 0; row < size; row++) {
            if (!ends.isNull(row)) {
                positions[count++] = row;
            }
        }
        IntSorter.sort(positions, count, (a, b) -> Long.compare(values[a], values[b]));
        for (int from = 0; from < count; ) {
            int to = from + 1;
            while (to < count && values[positions[to]] == values[positions[from]]) {
                to++;
            }
            int[] rows = Arrays.copyOfRange(positions, from, to);
            joinWindow(values[positions[from]], input, chunk.select(rows, rows.length), out);
            from = to;
        }
    }

    private void joinWindow(long end, int input, Chunk rows, Output out) {
        if (isClosed(end)) {
            lateRecordsDropped.inc(rows.size());
            return;
        }
        join(partition(end), input, rows, out);
    }

    /** True when the window ending at {@code end} (exclusive) is closed: its last millisecond is at or below the watermark. */
    private boolean isClosed(long end) {
        return watermark == Long.MAX_VALUE || (watermark != Long.MIN_VALUE && end <= watermark + 1);
    }

    private Sides partition(long key) {
        Sides sides = partitions.get(key);
        if (sides == null) {
            sides = new Sides();
            partitions.put(key, sides);
        }
        return sides;
    }

    /** Emits the matches of {@code chunk} with what the other input stored, then stores {@code chunk}. */
    private void join(Sides sides, int input, Chunk chunk, Output out) {
        int other = 1 - input;
        if (!sides.isEmpty(other)) {
            BuildSide stored = sides.of(other);
            pairs.start(chunk, input == 0, stored.rows());
            stored.forEachMatch(chunk, keys[input], (row, match) -> pairs.add(row, match, out));
            pairs.finish(out);
        }
        sides.of(input).add(chunk);
    }

    @Override
    public void processWatermark(Watermark mark, Output out) {
        watermark = Math.max(watermark, mark.timestamp());
        if (isWindowJoin()) {
            while (!partitions.isEmpty() && isClosed(partitions.firstKey())) {
                partitions.pollFirstEntry();
            }
        }
        out.emitWatermark(mark);
    }

    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        ValueCodec.writeVarLong(state.operatorState(), watermark);
        boolean[] written = new boolean[KeyGroups.MAX_PARALLELISM];
        for (Map.Entry<Long, Sides> partition : partitions.entrySet()) {
            for (int input = 0; input < 2; input++) {
                if (!partition.getValue().isEmpty(input)) {
                    writeRows(state, partition.getKey(), input, partition.getValue().of(input).rows(), written);
                }
            }
        }
        for (int keyGroup = 0; keyGroup < written.length; keyGroup++) {
            if (written[keyGroup]) {
                state.keyGroup(keyGroup).writeBoolean(false);
            }
        }
        return state.snapshot();
    }

    /** Writes one side's rows of one partition into the streams of their key groups, one record per key group. */
    private void writeRows(StateBytes state, long partition, int input, RowStore rows, boolean[] written)
            throws IOException {
        int count = rows.size();
        Vector[] keyColumns = new Vector[keys[input].length];
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = rows.column(keys[input][k]);
        }
        int[] hashes = new int[count];
        GroupHashTable.hash(keyColumns, count, hashes);
        // Counting sort of the row indexes by key group, keeping arrival order within each.
        int[] starts = new int[KeyGroups.MAX_PARALLELISM + 1];
        for (int row = 0; row < count; row++) {
            hashes[row] = KeyGroups.keyGroup(hashes[row]);
            starts[hashes[row] + 1]++;
        }
        for (int keyGroup = 0; keyGroup < KeyGroups.MAX_PARALLELISM; keyGroup++) {
            starts[keyGroup + 1] += starts[keyGroup];
        }
        int[] ordered = new int[count];
        int[] next = starts.clone();
        for (int row = 0; row < count; row++) {
            ordered[next[hashes[row]]++] = row;
        }
        for (int keyGroup = 0; keyGroup < KeyGroups.MAX_PARALLELISM; keyGroup++) {
            int from = starts[keyGroup];
            int n = starts[keyGroup + 1] - from;
            if (n == 0) {
                continue;
            }
            DataOutput out = state.keyGroup(keyGroup);
            out.writeBoolean(true);
            ValueCodec.writeVarLong(out, partition);
            out.writeByte(input);
            ValueCodec.writeRows(out, rows.columns(), Arrays.copyOfRange(ordered, from, from + n), n);
            written[keyGroup] = true;
        }
    }

    @Override
    public void restoreState(StateReader state) throws IOException {
        long floor = Long.MAX_VALUE;
        for (DataInput in : state.operatorStates()) {
            StateBytes.checkVersion(in, STATE_VERSION, "streaming join");
            floor = Math.min(floor, ValueCodec.readVarLong(in));
        }
        if (floor != Long.MAX_VALUE) {
            watermark = Math.max(watermark, floor);
        }
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, STATE_VERSION, "streaming join");
            while (in.readBoolean()) {
                long partition = ValueCodec.readVarLong(in);
                int input = in.readByte();
                Chunk rows = ValueCodec.readRows(in, types.get(input));
                if (rows.size() > 0) {
                    partition(partition).of(input).add(rows);
                }
            }
        }
    }

    @Override
    public void close() {
        partitions.clear();
    }
}
