package io.weir.executor.operators.join;

import io.weir.executor.api.Counter;
import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.checkpoint.StateStreams;
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
import java.util.ArrayList;
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
 * <p>A <em>regular</em> join keeps every row for ever, as Flink's does without a state TTL, unless the condition bounds
 * a side's time from below by the other side's window ends or rowtime ({@link #expireRows}): then that side's rows are
 * kept in time buckets that are freed as the watermark passes them. A <em>window</em> join (both inputs are event-time
 * window aggregates and the keys equate their {@code window_end}s) keeps rows by window and drops a window once the
 * watermark has passed its last millisecond: a window aggregate emits a window's rows before the watermark that closes
 * it, so no row of that window can come from either side later. A row of an already closed window is late: dropped and
 * counted in {@link WindowMetrics#LATE_RECORDS_DROPPED}.
 *
 * <p>Keys match under SQL equality (a null key matches nothing) except null-safe ones ({@code IS NOT DISTINCT FROM});
 * the residual condition, over left ++ right columns, keeps only pairs where it is TRUE.
 *
 * <p>A side whose stored rows turn over quickly and are rarely read back keeps its per-row strings packed in byte pages
 * ({@link StringPacking}).
 *
 * <p>Checkpoints (serialized asynchronously, see {@link #snapshotState}): the stored rows of both sides, unsplit; a
 * restore keeps the rows whose join key's key group (which is how the hash exchange routes rows here) its subtask owns,
 * so the join restores at any parallelism; the watermark as operator state, whose minimum over the old subtasks is the
 * restored floor below which window rows are late.
 */
public final class StreamingJoinOperator implements Operator {

    private static final byte STATE_VERSION = 3;
    /** The version of builds that wrote rows to the stream of their key group, row by row; still restored. */
    private static final byte KEY_GROUP_STREAMS_VERSION = 2;
    /** The one partition of a side whose rows are kept for ever. */
    private static final long ALL_ROWS = Long.MIN_VALUE;

    private final int[][] keys;
    private final boolean[] nullSafe;
    private final JoinResidual residual;
    private final List<List<DataType>> types;
    /** Per input, the column of its {@code window_end}; both -1 unless a window join. */
    private final int[] windowEnds;
    /** Per input of a regular join, the time column that bounds how long its rows are kept, or -1. */
    private final int[] boundColumns = {-1, -1};
    /** Per input with a bound column: a row is kept while its time is at least the watermark + 1 - this. */
    private final long[] boundSlacks = new long[2];
    /** Per input, the rowtime column by which late rows are dropped, or -1. */
    private final int[] lateColumns = {-1, -1};
    /** Per input with a bound column: the width, in milliseconds, of the time buckets its rows are kept in. */
    private final long[] bucketWidths = new long[2];
    /** Per input with a bound column: the grid ({@code offset + k * step}) the bounding window ends lie on. */
    private final long[] gridSteps = {1, 1};
    private final long[] gridOffsets = new long[2];

    /**
     * Per input, its stored rows by partition: the window end of a window join; for a regular join the time bucket
     * of a side with a bound column, else {@link #ALL_ROWS}.
     */
    private final List<TreeMap<Long, BuildSide>> stored = List.of(new TreeMap<>(), new TreeMap<>());
    private InnerPairs pairs;
    private Counter lateRecordsDropped;
    private long watermark = Long.MIN_VALUE;
    private int[] positions = new int[0];
    /** Per input, the rows a new partition makes room for: as many as the last one freed held. */
    private final int[] expectedRows = {64, 64};
    private long[] partitionKeys = new long[0];
    /** Per input, whether its new partitions keep strings packed. */
    private final StringPacking[] packing;

    /**
     * @param leftKeys        key columns of the left input
     * @param rightKeys       key columns of the right input, of the same physical types, in the same order
     * @param nullSafe        per key: true when null equals null (IS NOT DISTINCT FROM)
     * @param residual        extra condition over the pair of rows, or null
     * @param leftWindowEnd   the left input's window_end column of a window join, or -1
     * @param rightWindowEnd  the right input's window_end column of a window join, or -1
     */
    public StreamingJoinOperator(int[] leftKeys, int[] rightKeys, boolean[] nullSafe, JoinResidual residual,
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
        this.packing = new StringPacking[] {new StringPacking(leftKeys), new StringPacking(rightKeys)};
    }

    /**
     * Frees the rows of {@code input} of a regular join once no row still to come on the other input can match
     * them: a row whose {@code column} is below {@code watermark + 1 - slack}. The planner derives the slack from a
     * conjunct of the condition that bounds this column from below by a column of the other input whose later
     * values the watermark bounds: the window_end of an event-time window aggregate (every later row has a
     * window_end of at least {@code W + 2}: a window aggregate emits a window's rows before the watermark that
     * closes it), or a rowtime whose late rows this join drops ({@link #dropLateRows}: every later row has a time of
     * at least {@code W + 1}). Results do not change: a row that arrives below its bound is still matched with what
     * the other side stored, just not kept. Returns this operator.
     */
    public StreamingJoinOperator expireRows(int input, int column, long slack) {
        return expireRows(input, column, slack, 1, 0);
    }

    /**
     * {@link #expireRows(int, int, long)} where the bounding column is a window end whose values lie on a grid,
     * {@code offset + k * step} (tumbling, hopping and cumulating windows): a row whose {@code column} is {@code t}
     * can then only meet the window ends on the grid at or below {@code t + slack + 1}, so it is freed once the last
     * of them has closed, not {@code slack} after the watermark has passed it (Nexmark q7 keeps each bid until its own
     * 10 s window closes: on average half as long).
     */
    public StreamingJoinOperator expireRows(int input, int column, long slack, long step, long offset) {
        if (isWindowJoin()) {
            throw new IllegalStateException("A window join already frees its rows by window");
        }
        if (step <= 0 || offset < 0 || offset >= step) {
            throw new IllegalArgumentException("A grid of window ends needs a positive step and an offset below it");
        }
        boundColumns[input] = column;
        boundSlacks[input] = slack;
        gridSteps[input] = step;
        gridOffsets[input] = offset;
        // Rows are freed at most one bucket late: 16 buckets over the bound's span keep that to a few percent of
        // the state (which every checkpoint writes), and a probe from the other side visits each bucket.
        bucketWidths[input] = Math.max(100, Math.min(60_000, slack / 16));
        return this;
    }

    /**
     * Drops the rows of {@code input} whose {@code column} (its rowtime) is at or below the watermark when they
     * arrive, counting them in {@link WindowMetrics#LATE_RECORDS_DROPPED}: an interval join, as Flink's, which is
     * what bounds the other input's rows by this one's time ({@link #expireRows}). Returns this operator.
     */
    public StreamingJoinOperator dropLateRows(int input, int column) {
        lateColumns[input] = column;
        return this;
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
        packing[input].arrived(chunk);
        if (isWindowJoin()) {
            forEachPartition(chunk, chunk.longColumn(windowEnds[input]), -1, (end, rows) -> {
                if (isClosed(end)) {
                    lateRecordsDropped.inc(rows.size());
                } else {
                    BuildSide other = stored.get(1 - input).get(end);
                    if (other != null) {
                        emitMatches(other, input, rows, out);
                    }
                    side(input, end).add(rows);
                }
            });
            return;
        }
        if (lateColumns[input] >= 0) {
            chunk = withoutLateRows(chunk, chunk.longColumn(lateColumns[input]));
            if (chunk.isEmpty()) {
                return;
            }
        }
        for (BuildSide other : stored.get(1 - input).values()) {
            emitMatches(other, input, chunk, out);
        }
        if (boundColumns[input] < 0) {
            side(input, ALL_ROWS).add(chunk);
        } else {
            forEachPartition(chunk, chunk.longColumn(boundColumns[input]), bucketWidths[input], (bucket, rows) -> {
                if (!isExpired(input, bucket)) {
                    side(input, bucket).add(rows);
                }
            });
        }
    }

    /** The rows of {@code chunk} whose time is above the watermark; the others are late and counted. */
    private Chunk withoutLateRows(Chunk chunk, LongVector times) {
        int size = chunk.size();
        if (positions.length < size) {
            positions = new int[size];
            partitionKeys = new long[size];
        }
        long[] values = times.values();
        int count = 0;
        for (int row = 0; row < size; row++) {
            if (!times.isNull(row) && values[row] > watermark) {
                positions[count++] = row;
            }
        }
        if (count == size) {
            return chunk;
        }
        lateRecordsDropped.inc(size - count);
        return chunk.select(positions, count);
    }

    /** What {@link #forEachPartition} hands on: the rows of one partition. */
    @FunctionalInterface
    private interface PartitionRows {
        void accept(long partition, Chunk rows);
    }

    /**
     * Splits {@code chunk} by partition, the value of {@code column} (divided into buckets of {@code bucketWidth}
     * when positive); rows with a null there are in no partition (they can match nothing). Usually a chunk is one
     * partition and is handed on whole.
     */
    private void forEachPartition(Chunk chunk, LongVector column, long bucketWidth, PartitionRows action) {
        int size = chunk.size();
        if (partitionKeys.length < size) {
            partitionKeys = new long[size];
            positions = new int[size];
        }
        long[] values = column.values();
        long[] partitionOf = partitionKeys;
        for (int row = 0; row < size; row++) {
            partitionOf[row] = bucketWidth > 0 ? Math.floorDiv(values[row], bucketWidth) : values[row];
        }
        boolean onePartition = !column.mayHaveNulls();
        for (int row = 1; row < size && onePartition; row++) {
            onePartition = partitionOf[row] == partitionOf[0];
        }
        if (onePartition) {
            action.accept(partitionOf[0], chunk);
            return;
        }
        int count = 0;
        for (int row = 0; row < size; row++) {
            if (!column.isNull(row)) {
                positions[count++] = row;
            }
        }
        IntSorter.sort(positions, count, (a, b) -> Long.compare(partitionOf[a], partitionOf[b]));
        int[] sorted = Arrays.copyOf(positions, count);
        for (int from = 0; from < count; ) {
            int to = from + 1;
            while (to < count && partitionOf[sorted[to]] == partitionOf[sorted[from]]) {
                to++;
            }
            int[] rows = Arrays.copyOfRange(sorted, from, to);
            action.accept(partitionOf[sorted[from]], chunk.select(rows, rows.length));
            from = to;
        }
    }

    /**
     * True when the window ending at {@code end} (exclusive) is closed: its last millisecond is at or below the
     * watermark.
     */
    private boolean isClosed(long end) {
        return watermark == Long.MAX_VALUE || (watermark != Long.MIN_VALUE && end <= watermark + 1);
    }

    /** True when every time in {@code bucket} of {@code input} is below the bound its rows are kept for. */
    private boolean isExpired(int input, long bucket) {
        if (watermark == Long.MIN_VALUE) {
            return false;
        }
        if (watermark == Long.MAX_VALUE) {
            return true;
        }
        // The latest time a row of the bucket can meet: later rows of the other side come at watermark + 2 (a window
        // end) or watermark + 1 (a rowtime, whose slack is one more) or later.
        long reach = (bucket + 1) * bucketWidths[input] + boundSlacks[input];
        long lastEnd = reach - Math.floorMod(reach - gridOffsets[input], gridSteps[input]);
        return lastEnd < watermark + 2;
    }

    private BuildSide side(int input, long partition) {
        BuildSide side = stored.get(input).get(partition);
        if (side == null) {
            boolean[] packed = packing[input].columnsForNewPartition();
            side = packed == null ? new BuildSide(keys[input], nullSafe, types.get(input), expectedRows[input])
                    : BuildSide.withPackedStrings(keys[input], nullSafe, types.get(input), expectedRows[input], packed);
            stored.get(input).put(partition, side);
        }
        return side;
    }

    /** Emits the matches of {@code chunk}, arriving on {@code input}, with the rows {@code other} stored. */
    private void emitMatches(BuildSide other, int input, Chunk chunk, Output out) {
        if (other.rows().size() == 0) {
            return;
        }
        pairs.start(chunk, input == 0, other.rows());
        long before = pairs.added();
        other.forEachMatch(chunk, keys[input], (row, match) -> pairs.add(row, match, out));
        packing[1 - input].readBack(pairs.added() - before);
        pairs.finish(out);
    }

    @Override
    public void processWatermark(Watermark mark, Output out) {
        watermark = Math.max(watermark, mark.timestamp());
        for (int input = 0; input < 2; input++) {
            TreeMap<Long, BuildSide> partitions = stored.get(input);
            boolean bounded = isWindowJoin() || boundColumns[input] >= 0;
            while (bounded && !partitions.isEmpty() && (isWindowJoin() ? isClosed(partitions.firstKey())
                    : isExpired(input, partitions.firstKey()))) {
                // Windows and time buckets of a stream tend to hold alike numbers of rows: size the next ones so.
                expectedRows[input] = Math.max(64, partitions.pollFirstEntry().getValue().rows().size());
            }
        }
        out.emitWatermark(mark);
    }

    /** One side's rows of one partition, as a snapshot captured them. */
    private record StoredRows(long partition, int input, RowStore.FrozenRows rows) {
    }

    /**
     * Captures, on the task thread, views of the rows stored so far ({@link RowStore#frozenRows}: stored rows are
     * never overwritten, only appended to or dropped with their partition) and leaves their serialization to the
     * asynchronous part: the task only pays for the views, however many rows the join keeps. The asynchronous part
     * lets go of each partition once written, oldest first, which is also the order in which the live join frees
     * them: rows the join has dropped since the barrier are held no longer than it takes to write them (at high
     * rates the state turns over within a checkpoint's write, and the garbage collector would otherwise keep copying
     * rows that are only waiting to be written).
     *
     * <p>Rows go to the stream of all key groups, each partition's columns whole, as they are stored
     * ({@link ValueCodec#writeDenseColumns}): at high rates a checkpoint writes a million rows a second, and
     * scattering them row by row over streams per key group, encoding each value, cost the two cores of a q7 run a
     * tenth of their time. A restore tells rows' key groups from their join keys.
     */
    @Override
    public StateSnapshot snapshotState(long checkpointId) {
        long mark = watermark;
        List<StoredRows> parts = new ArrayList<>();
        for (int input = 0; input < 2; input++) {
            for (Map.Entry<Long, BuildSide> partition : stored.get(input).entrySet()) {
                if (partition.getValue().rows().size() > 0) {
                    parts.add(new StoredRows(partition.getKey(), input, partition.getValue().rows().frozenRows()));
                }
            }
        }
        return writer -> {
            StateStreams state = new StateStreams(writer, STATE_VERSION);
            ValueCodec.writeVarLong(state.operatorState(), mark);
            if (parts.isEmpty()) {
                return;
            }
            DataOutput out = state.allKeyGroups();
            for (int i = 0; i < parts.size(); i++) {
                StoredRows part = parts.set(i, null);
                RowStore.FrozenRows rows = part.rows();
                out.writeBoolean(true);
                ValueCodec.writeVarLong(out, part.partition());
                out.writeByte(part.input());
                ValueCodec.writeVarInt(out, rows.size());
                ValueCodec.writeDenseColumns(out, rows.columns(), rows.packed(), rows.size());
            }
            out.writeBoolean(false);
        };
    }

    @Override
    public void restoreState(StateReader state) throws IOException {
        long floor = Long.MAX_VALUE;
        for (DataInput in : state.operatorStates()) {
            StateBytes.readVersion(in, KEY_GROUP_STREAMS_VERSION, STATE_VERSION, "streaming join");
            floor = Math.min(floor, ValueCodec.readVarLong(in));
        }
        if (floor != Long.MAX_VALUE) {
            watermark = Math.max(watermark, floor);
        }
        for (DataInput in : state.allKeyGroups()) {
            StateBytes.checkVersion(in, STATE_VERSION, "streaming join");
            while (in.readBoolean()) {
                long partition = ValueCodec.readVarLong(in);
                int input = in.readByte();
                int count = ValueCodec.readVarInt(in);
                addOwned(state, input, partition, ValueCodec.readDenseColumns(in, types.get(input), count));
            }
        }
        // A checkpoint of a build before version 3 wrote the rows key group by key group, row by row.
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, KEY_GROUP_STREAMS_VERSION, "streaming join");
            while (in.readBoolean()) {
                long partition = ValueCodec.readVarLong(in);
                int input = in.readByte();
                int count = ValueCodec.readVarInt(in);
                Chunk rows = ValueCodec.readRowsRowMajor(in, types.get(input), count, in.readBoolean());
                if (rows.size() > 0) {
                    side(input, partition).add(rows);
                }
            }
        }
    }

    /** Stores the rows of {@code rows} whose join key belongs to a key group this subtask owns. */
    private void addOwned(StateReader state, int input, long partition, Chunk rows) {
        int count = rows.size();
        int[] owned = new int[count];
        GroupHashTable.hash(rows.columns(keys[input]), count, owned);
        int kept = 0;
        for (int row = 0; row < count; row++) {
            if (state.ownsKeyGroup(KeyGroups.keyGroup(owned[row]))) {
                owned[kept++] = row;
            }
        }
        if (kept > 0) {
            side(input, partition).add(kept == count ? rows : rows.select(owned, kept));
        }
    }

    @Override
    public void close() {
        stored.forEach(TreeMap::clear);
    }
}
