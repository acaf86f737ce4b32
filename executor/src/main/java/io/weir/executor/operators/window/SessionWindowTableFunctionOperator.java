package io.weir.executor.operators.window;

import io.weir.executor.api.Counter;
import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.ChunkBuilder;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.hash.GroupHashTable;
import io.weir.executor.operators.sort.IntSorter;
import io.weir.executor.operators.store.RowStore;
import java.io.DataInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SESSION window TVF: per partition key, rows whose times are less than {@code gap} apart form one session
 * ({@code window_start} = its first time, {@code window_end} = its last time + gap). A session is only known
 * once no later row can extend it, so rows are held until the watermark passes the session's end
 * ({@code window_end - 1 <= watermark}); then they are emitted with {@code window_start}, {@code window_end} and
 * {@code window_time} appended, before the watermark is forwarded (so a window aggregate downstream sees the
 * rows, then the watermark that fires them). A closed session is final: a row that could still extend it would
 * have a time at or below the watermark, which is late.
 *
 * <p>Checkpoints: the held rows are keyed state, each in the key group of its partition key (what the hash exchange
 * before this operator routes by; key group 0 without PARTITION BY), so a restore at another parallelism gives each
 * subtask the rows of the keys it will receive. The watermark goes to operator state; a restored subtask takes the
 * lowest of the old subtasks' as its floor, so a row that was late before the failure is late again.
 */
public final class SessionWindowTableFunctionOperator implements Operator {

    private static final byte STATE_VERSION = 1;

    private static final int NO_KEY_GROUP = 0;

    private final int[] partitionKeys;
    private final int timeColumn;
    private final long gap;
    private final boolean dropLate;
    private final List<DataType> types;

    private GroupHashTable keys;
    private RowStore rows;
    /** Per buffered row (parallel to {@link #rows}): its time and its key's group id. */
    private long[] times = new long[64];
    private int[] groups = new int[64];
    private ChunkBuilder output;
    private Counter lateRows;
    private long watermark = Long.MIN_VALUE;
    private int[] hashes = new int[0];
    private int[] groupIds = new int[0];

    public SessionWindowTableFunctionOperator(int[] partitionKeys, int timeColumn, long gapMillis, boolean dropLate,
            List<DataType> types) {
        this.partitionKeys = partitionKeys.clone();
        this.timeColumn = timeColumn;
        this.gap = gapMillis;
        this.dropLate = dropLate;
        this.types = List.copyOf(types);
    }

    @Override
    public void open(OperatorContext context) {
        List<DataType> keyTypes = Arrays.stream(partitionKeys).mapToObj(types::get).toList();
        keys = new GroupHashTable(keyTypes);
        rows = new RowStore(types);
        List<DataType> outTypes = new ArrayList<>(types);
        for (int i = 0; i < 3; i++) {
            outTypes.add(DataType.TIMESTAMP.withNullable(false));
        }
        output = new ChunkBuilder(outTypes, context.chunkSize());
        lateRows = context.counter(WindowMetrics.LATE_RECORDS_DROPPED);
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        hold(chunk, dropLate);
    }

    /** Buffers the rows of {@code chunk} that have a time (and, with {@code dropLate}, are above the watermark). */
    private void hold(Chunk chunk, boolean dropLate) {
        int count = chunk.size();
        LongVector time = chunk.longColumn(timeColumn);
        assignGroups(chunk, count);
        for (int row = 0; row < count; row++) {
            if (time.isNull(row)) {
                continue;
            }
            long t = time.get(row);
            if (dropLate && t <= watermark) {
                lateRows.inc();
                continue;
            }
            int index = rows.append(chunk, row);
            ensureCapacity(index + 1);
            times[index] = t;
            groups[index] = groupIds[row];
        }
    }

    private void assignGroups(Chunk chunk, int count) {
        if (groupIds.length < count) {
            groupIds = new int[count];
            hashes = new int[count];
        }
        if (partitionKeys.length == 0) {
            Arrays.fill(groupIds, 0, count, NO_KEY_GROUP);
            return;
        }
        Vector[] keyColumns = new Vector[partitionKeys.length];
        for (int k = 0; k < partitionKeys.length; k++) {
            keyColumns[k] = chunk.column(partitionKeys[k]);
        }
        Arrays.fill(hashes, 0, count, 0);
        GroupHashTable.hash(keyColumns, count, hashes);
        keys.findOrInsert(keyColumns, hashes, count, groupIds);
    }

    private void ensureCapacity(int size) {
        if (size > times.length) {
            int capacity = Math.max(size, times.length * 2);
            times = Arrays.copyOf(times, capacity);
            groups = Arrays.copyOf(groups, capacity);
        }
    }

    @Override
    public void processWatermark(Watermark mark, Output out) {
        watermark = Math.max(watermark, mark.timestamp());
        fireSessionsUpTo(watermark, out);
        out.emitWatermark(mark);
    }

    @Override
    public void endInput(int input, Output out) {
        fireSessionsUpTo(Long.MAX_VALUE, out);
    }

    /** Emits every session with {@code window_end - 1 <= upTo} and keeps the rows of the others. */
    private void fireSessionsUpTo(long upTo, Output out) {
        int size = rows.size();
        if (size == 0) {
            return;
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        IntSorter.sort(order, size, (a, b) -> groups[a] != groups[b] ? Integer.compare(groups[a], groups[b])
                : Long.compare(times[a], times[b]));
        int[] kept = new int[size];
        int keptCount = 0;
        int from = 0;
        while (from < size) {
            int to = sessionEnd(order, from, size);
            long windowEnd = times[order[to - 1]] + gap;
            if (windowEnd - 1 <= upTo) {
                emitSession(order, from, to, times[order[from]], windowEnd, out);
            } else {
                for (int i = from; i < to; i++) {
                    kept[keptCount++] = order[i];
                }
            }
            from = to;
        }
        flush(out);
        if (keptCount < size) {
            retain(kept, keptCount);
        }
    }

    /** The end (exclusive) of the session that starts at {@code order[from]}. */
    private int sessionEnd(int[] order, int from, int size) {
        int to = from + 1;
        while (to < size && groups[order[to]] == groups[order[from]]
                && times[order[to]] - times[order[to - 1]] < gap) {
            to++;
        }
        return to;
    }

    private void emitSession(int[] order, int from, int to, long windowStart, long windowEnd, Output out) {
        int columns = types.size();
        for (int i = from; i < to; i++) {
            int row = output.addRow();
            for (int c = 0; c < columns; c++) {
                output.column(c).copyFrom(rows.column(c), order[i], row);
            }
            ((LongVector) output.column(columns)).set(row, windowStart);
            ((LongVector) output.column(columns + 1)).set(row, windowEnd);
            ((LongVector) output.column(columns + 2)).set(row, windowEnd - 1);
            if (output.isFull()) {
                out.emit(output.build());
            }
        }
    }

    private void flush(Output out) {
        if (!output.isEmpty()) {
            out.emit(output.build());
        }
    }

    /** Keeps only the buffered rows {@code kept[0..count)}, compacting the store. */
    private void retain(int[] kept, int count) {
        Arrays.sort(kept, 0, count);
        Chunk remaining = rows.gather(kept, count);
        long[] newTimes = new long[Math.max(64, count)];
        int[] newGroups = new int[newTimes.length];
        for (int i = 0; i < count; i++) {
            newTimes[i] = times[kept[i]];
            newGroups[i] = groups[kept[i]];
        }
        rows = new RowStore(types);
        rows.append(remaining);
        times = newTimes;
        groups = newGroups;
    }

    /**
     * Serializes the held rows at the barrier, a stream per key group holding that group's rows (in arrival order);
     * the watermark goes to operator state.
     */
    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        ValueCodec.writeVarLong(state.operatorState(), watermark);
        int size = rows.size();
        int[] keyGroupOf = new int[size];
        int[] starts = new int[KeyGroups.MAX_PARALLELISM + 1];
        for (int i = 0; i < size; i++) {
            keyGroupOf[i] = partitionKeys.length == 0 ? 0 : KeyGroups.keyGroup(keys.groupHash(groups[i]));
            starts[keyGroupOf[i] + 1]++;
        }
        for (int g = 0; g < KeyGroups.MAX_PARALLELISM; g++) {
            starts[g + 1] += starts[g];
        }
        int[] sorted = new int[size];
        int[] next = starts.clone();
        for (int i = 0; i < size; i++) {
            sorted[next[keyGroupOf[i]]++] = i;
        }
        Vector[] columns = rows.columns();
        for (int g = 0; g < KeyGroups.MAX_PARALLELISM; g++) {
            int count = starts[g + 1] - starts[g];
            if (count > 0) {
                ValueCodec.writeRows(state.keyGroup(g), columns, sorted, starts[g], count);
            }
        }
        return state.snapshot();
    }

    /**
     * Holds again the rows of the key groups this subtask owns now (even those at or below the restored watermark:
     * they arrived in time, their sessions were still open), and takes the old subtasks' lowest watermark.
     */
    @Override
    public void restoreState(StateReader state) throws IOException {
        long floor = Long.MAX_VALUE;
        for (DataInput in : state.operatorStates()) {
            StateBytes.checkVersion(in, STATE_VERSION, "session window table function");
            floor = Math.min(floor, ValueCodec.readVarLong(in));
        }
        if (floor != Long.MAX_VALUE) {
            watermark = Math.max(watermark, floor);
        }
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, STATE_VERSION, "session window table function");
            hold(ValueCodec.readRows(in, types), false);
        }
    }
}
