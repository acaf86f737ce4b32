package io.weir.executor.operators.rank;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.ChunkBuilder;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.sort.RowComparator;
import java.io.DataInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY sort keys)} filtered to the first {@code limit} rows: Top-N,
 * and deduplication when {@code limit} is 1. Output columns: the input columns, then the row number (BIGINT) when
 * {@code outputRowNumber}.
 *
 * <p>Streaming (insert-only input): after each chunk it emits, for every partition the chunk touched, how its top
 * rows changed from before the chunk. With the row number, per rank position: {@code +I} for a position newly
 * filled, {@code -U} old / {@code +U} new for a position whose row changed. Without it: {@code -D} for each row
 * pushed out and {@code +I} for each row that entered; with {@code limit} 1 (deduplication) a replaced row gives
 * {@code -U} old / {@code +U} new instead, so a sink upserting by the partition keys keeps one row per key. A row
 * that enters and leaves within one chunk is not emitted: the changelog leaves the same table, with fewer rows.
 *
 * <p>Batch ({@code emitAtEnd}): nothing until the end of input, then every partition's top rows as {@code +I}.
 *
 * <p>Input rows must come hash-partitioned by the partition keys (in {@code partitionKeys} order), or all to one
 * subtask without keys. Input row kinds are ignored: the planner feeds it only insert-only streams. Watermarks pass
 * through. Checkpoints: each partition's rows go to the stream of its key group, so the state restores at another
 * parallelism. Not thread-safe: the task thread calls it.
 */
public final class RankOperator implements Operator {

    private static final byte STATE_VERSION = 1;

    private final int[] partitionKeys;
    private final RowComparator comparator;
    private final int limit;
    private final boolean newerWinsTies;
    private final boolean outputRowNumber;
    private final boolean emitAtEnd;
    private final List<DataType> inputTypes;
    private final List<DataType> outputTypes;

    private RankedPartitions partitions;
    private ChunkBuilder builder;
    private int[] hashes = new int[0];
    private int[] partitionIds = new int[0];
    /** The partitions the current chunk touched, in order of first row. */
    private int[] touched = new int[0];
    private int touchedCount;
    /** By partition id: whether it is in {@link #touched}; cleared after each chunk. */
    private boolean[] marked = new boolean[0];
    /**
     * The ranked slots of each touched partition before the chunk, one after another: {@code beforeStart[j]} is where
     * the j-th touched partition's start, {@code beforeStart[j + 1]} where they end.
     */
    private int[] before = new int[16];
    private int[] beforeStart = new int[1];
    /** Slots pushed out during the chunk, freed once their retractions are emitted. */
    private int[] evicted = new int[16];
    private int evictedCount;
    /** By slot: the epoch it was last marked in, to tell which rows left or entered a partition. */
    private int[] slotEpochs = new int[16];
    private int epoch;

    /**
     * @param partitionKeys  the PARTITION BY columns; none for one partition of all rows
     * @param sortKeys       the ORDER BY columns
     * @param descending     per sort key: true for DESC
     * @param nullsFirst     per sort key: true for NULLS FIRST
     * @param limit          how many rows of each partition are kept (N of {@code rn <= N}), at least 1
     * @param newerWinsTies  a new row ranks before the kept rows equal to it (deduplication keeping the last row)
     * @param outputRowNumber whether the row number is an output column
     * @param emitAtEnd      batch: emit the final top rows at the end of input instead of a changelog
     */
    public RankOperator(int[] partitionKeys, int[] sortKeys, boolean[] descending, boolean[] nullsFirst, int limit,
            boolean newerWinsTies, boolean outputRowNumber, boolean emitAtEnd, List<DataType> inputTypes) {
        if (limit < 1) {
            throw new IllegalArgumentException("A Top-N keeps at least one row per partition");
        }
        this.partitionKeys = partitionKeys.clone();
        this.comparator = new RowComparator(sortKeys, descending, nullsFirst);
        this.limit = limit;
        this.newerWinsTies = newerWinsTies;
        this.outputRowNumber = outputRowNumber;
        this.emitAtEnd = emitAtEnd;
        this.inputTypes = List.copyOf(inputTypes);
        List<DataType> out = new ArrayList<>(inputTypes);
        if (outputRowNumber) {
            out.add(DataType.BIGINT);
        }
        this.outputTypes = List.copyOf(out);
    }

    public List<DataType> outputTypes() {
        return outputTypes;
    }

    @Override
    public void open(OperatorContext context) {
        partitions = new RankedPartitions(partitionKeys, comparator, limit, newerWinsTies, inputTypes);
        builder = new ChunkBuilder(outputTypes, context.chunkSize());
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        if (size == 0) {
            return;
        }
        if (hashes.length < size) {
            hashes = new int[size];
            partitionIds = new int[size];
            touched = new int[size];
            beforeStart = new int[size + 1];
        }
        partitions.findOrInsert(chunk, size, hashes, partitionIds);
        if (emitAtEnd) {
            for (int row = 0; row < size; row++) {
                int slot = partitions.insert(partitionIds[row], chunk, row);
                if (slot >= 0) {
                    partitions.free(slot);
                }
            }
            return;
        }
        if (marked.length < partitions.partitionCount()) {
            marked = Arrays.copyOf(marked, Math.max(partitions.partitionCount(), marked.length * 2));
        }
        touchedCount = 0;
        for (int row = 0; row < size; row++) {
            int partition = partitionIds[row];
            if (!marked[partition]) {
                marked[partition] = true;
                rememberBefore(partition);
            }
            int slot = partitions.insert(partition, chunk, row);
            if (slot >= 0) {
                if (evictedCount == evicted.length) {
                    evicted = Arrays.copyOf(evicted, evictedCount * 2);
                }
                evicted[evictedCount++] = slot;
            }
        }
        for (int j = 0; j < touchedCount; j++) {
            marked[touched[j]] = false;
            emitChanges(j, out);
        }
        if (!builder.isEmpty()) {
            out.emit(builder.build());
        }
        for (int i = 0; i < evictedCount; i++) {
            partitions.free(evicted[i]);
        }
        evictedCount = 0;
    }

    /** Copies {@code partition}'s ranked slots as they are before the chunk changes them. */
    private void rememberBefore(int partition) {
        int start = beforeStart[touchedCount];
        int count = partitions.count(partition);
        if (before.length < start + count) {
            before = Arrays.copyOf(before, Math.max(start + count, before.length * 2));
        }
        System.arraycopy(partitions.slots(partition), 0, before, start, count);
        touched[touchedCount++] = partition;
        beforeStart[touchedCount] = start + count;
    }

    /** Emits how the j-th touched partition's rows changed during the chunk. */
    private void emitChanges(int j, Output out) {
        int partition = touched[j];
        int[] after = partitions.slots(partition);
        int afterCount = partitions.count(partition);
        int from = beforeStart[j];
        int beforeCount = beforeStart[j + 1] - from;
        if (outputRowNumber || limit == 1) {
            // Position by position: with the row number a position is a row of the result (partition, rank).
            for (int i = 0; i < afterCount; i++) {
                int now = after[i];
                if (i >= beforeCount) {
                    addRow(RowKind.INSERT, now, i, out);
                } else if (before[from + i] != now) {
                    addRow(RowKind.UPDATE_BEFORE, before[from + i], i, out);
                    addRow(RowKind.UPDATE_AFTER, now, i, out);
                }
            }
            return;
        }
        ensureSlotEpochs();
        epoch++;
        for (int i = 0; i < afterCount; i++) {
            slotEpochs[after[i]] = epoch;
        }
        for (int i = 0; i < beforeCount; i++) {
            if (slotEpochs[before[from + i]] != epoch) {
                addRow(RowKind.DELETE, before[from + i], i, out);
            }
        }
        epoch++;
        for (int i = 0; i < beforeCount; i++) {
            slotEpochs[before[from + i]] = epoch;
        }
        for (int i = 0; i < afterCount; i++) {
            if (slotEpochs[after[i]] != epoch) {
                addRow(RowKind.INSERT, after[i], i, out);
            }
        }
    }

    private void ensureSlotEpochs() {
        int slots = partitions.columns()[0].capacity();
        if (slotEpochs.length < slots) {
            slotEpochs = Arrays.copyOf(slotEpochs, Math.max(slots, slotEpochs.length * 2));
        }
    }

    /** Adds the stored row in {@code slot} with row number {@code rank + 1}; emits a full chunk. */
    private void addRow(RowKind kind, int slot, int rank, Output out) {
        int target = builder.addRow(kind);
        Vector[] columns = partitions.columns();
        for (int c = 0; c < columns.length; c++) {
            builder.column(c).copyFrom(columns[c], slot, target);
        }
        if (outputRowNumber) {
            ((LongVector) builder.column(columns.length)).set(target, rank + 1L);
        }
        if (builder.isFull()) {
            out.emit(builder.build());
        }
    }

    @Override
    public void endInput(int input, Output out) {
        if (!emitAtEnd) {
            return;
        }
        for (int partition = 0; partition < partitions.partitionCount(); partition++) {
            int[] slots = partitions.slots(partition);
            for (int i = 0; i < partitions.count(partition); i++) {
                addRow(RowKind.INSERT, slots[i], i, out);
            }
        }
        if (!builder.isEmpty()) {
            out.emit(builder.build());
        }
    }

    /** Serializes every partition at the barrier into the stream of its key group (as the hash exchange routes). */
    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        int partitionCount = partitions.partitionCount();
        int[][] byKeyGroup = new int[KeyGroups.MAX_PARALLELISM][];
        int[] counts = new int[KeyGroups.MAX_PARALLELISM];
        for (int partition = 0; partition < partitionCount; partition++) {
            int keyGroup = partitions.keyGroup(partition);
            int[] ids = byKeyGroup[keyGroup];
            if (ids == null || ids.length == counts[keyGroup]) {
                byKeyGroup[keyGroup] = ids = ids == null ? new int[16] : Arrays.copyOf(ids, ids.length * 2);
            }
            ids[counts[keyGroup]++] = partition;
        }
        for (int keyGroup = 0; keyGroup < counts.length; keyGroup++) {
            if (counts[keyGroup] > 0) {
                partitions.write(state.keyGroup(keyGroup), byKeyGroup[keyGroup], counts[keyGroup]);
            }
        }
        return state.snapshot();
    }

    /** Restores the partitions of the key groups this subtask owns now, whichever subtask wrote them. */
    @Override
    public void restoreState(StateReader state) throws IOException {
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, STATE_VERSION, "Top-N");
            partitions.read(in);
        }
    }

    @Override
    public void close() {
        partitions = null;
        builder = null;
    }
}
