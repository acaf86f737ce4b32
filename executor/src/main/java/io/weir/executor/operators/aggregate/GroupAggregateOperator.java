package io.weir.executor.operators.aggregate;

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
import io.weir.executor.data.ChunkBuilder;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming GROUP BY over an unbounded input: a changelog of each group's aggregates that is always up to date.
 * After each input chunk it emits, for every group the chunk touched, {@code +I} with the first result of a new
 * group, or {@code -U} with the result emitted before and {@code +U} with the new one, or nothing when the result did
 * not change. One update per group per chunk rather than per row is Flink's mini-batch behaviour: the final state of
 * the changelog is the same, with fewer rows. Output columns: the group keys in {@code groupKeys} order, then one
 * column per call (as {@link io.weir.executor.operators.HashAggregateOperator}).
 *
 * <p>The result emitted last is not stored: since every touched group is emitted at the end of its chunk, it is
 * always the result of the accumulators before the next chunk, which is read before folding that chunk in (as
 * Flink's group aggregate does). That halves the state and keeps checkpoints to the accumulators.
 *
 * <p>An insert-only input (the default) ignores row kinds. An updating input (the result of another GROUP BY, made
 * {@code retracting} by the planner) folds {@code +I}/{@code +U} rows in and takes {@code -U}/{@code -D} rows back
 * out, and counts each group's rows: a group left with none emits {@code -D} of its last result and is emptied, so
 * that a later row starts it again with {@code +I}. Only the retracting operator pays for that count and for the
 * value multisets MIN and MAX need there (and DISTINCT calls for the row count of each value); functions that
 * cannot take a row back are refused.
 *
 * <p>Input rows must come hash-partitioned by the key columns (in {@code groupKeys} order), or all to one subtask
 * without keys (a global aggregate: one group). Watermarks pass through. Checkpoints: each group goes to the stream
 * of its key group with its accumulators (DISTINCT calls' seen values included; row counts when retracting), so it
 * restores at another parallelism. Not thread-safe: the task thread calls it.
 */
public final class GroupAggregateOperator implements Operator {

    /** The state formats: an insert-only operator's groups, and a retracting one's (with row counts). */
    private static final byte STATE_VERSION = 1;
    private static final byte RETRACTING_STATE_VERSION = 2;

    private final int[] groupKeys;
    private final List<DataType> keyTypes;
    private final List<DataType> outputTypes;
    private final List<AggregateCall> calls;
    private final boolean retracting;

    private GroupHashTable groups;
    private AggregateCallState[] states;
    private ChunkBuilder builder;
    /** Per-chunk scratch, grown to the largest chunk and reused. */
    private int[] hashes = new int[0];
    private int[] groupIds = new int[0];
    /** The groups the current chunk touched, in order of first row, then those of them that existed before it. */
    private int[] touched = new int[0];
    private int[] existing = new int[0];
    /** By group id: true while the group is in {@link #touched}; cleared after each chunk. */
    private boolean[] marked = new boolean[0];
    /** Retracting only: the rows each group holds; and per touched[j], whether it was live before the chunk. */
    private GroupRowCounts rowCounts;
    private boolean[] wasLive = new boolean[0];

    /**
     * @param groupKeys  the input columns grouped by; none for a global aggregate
     * @param inputTypes the input column types
     * @param calls      the aggregate calls over input columns
     */
    public GroupAggregateOperator(int[] groupKeys, List<DataType> inputTypes, List<AggregateCall> calls) {
        this(groupKeys, inputTypes, calls, false);
    }

    /**
     * @param groupKeys  the input columns grouped by; none for a global aggregate
     * @param inputTypes the input column types
     * @param calls      the aggregate calls over input columns
     * @param retracting whether the input may carry {@code -U}/{@code -D} rows (an updating input)
     */
    public GroupAggregateOperator(int[] groupKeys, List<DataType> inputTypes, List<AggregateCall> calls,
            boolean retracting) {
        this.retracting = retracting;
        this.groupKeys = groupKeys.clone();
        List<DataType> keys = new ArrayList<>(groupKeys.length);
        for (int key : groupKeys) {
            keys.add(inputTypes.get(key));
        }
        this.keyTypes = List.copyOf(keys);
        List<DataType> out = new ArrayList<>(keys);
        calls.forEach(call -> out.add(call.resultType()));
        this.outputTypes = List.copyOf(out);
        this.calls = List.copyOf(calls);
    }

    /** The output column types: the group keys, then one per call. */
    public List<DataType> outputTypes() {
        return outputTypes;
    }

    @Override
    public void open(OperatorContext context) {
        groups = new GroupHashTable(keyTypes);
        states = new AggregateCallState[calls.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = new AggregateCallState(calls.get(i), retracting);
        }
        builder = new ChunkBuilder(outputTypes, context.chunkSize());
        rowCounts = retracting ? new GroupRowCounts() : null;
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
        int groupsBefore = groups.size();
        groups.findOrInsert(keys, hashes, size, groupIds);
        int groupCount = groups.size();
        int touchedCount = collectTouched(size, groupCount);
        if (retracting) {
            processUpdates(chunk, groupCount, touchedCount, out);
            return;
        }
        if (!chunk.isInsertOnly()) {
            requireInserts(chunk);
        }
        int existingCount = 0;
        for (int j = 0; j < touchedCount; j++) {
            if (touched[j] < groupsBefore) {
                existing[existingCount++] = touched[j];
            }
        }
        Vector[] before = new Vector[states.length];
        for (int i = 0; i < states.length; i++) {
            before[i] = states[i].results(existing, existingCount, groupCount);
        }
        for (AggregateCallState state : states) {
            state.accumulate(chunk, groupIds, groupCount);
        }
        Vector[] after = new Vector[states.length];
        for (int i = 0; i < states.length; i++) {
            after[i] = states[i].results(touched, touchedCount, groupCount);
        }
        emitChanges(touchedCount, groupsBefore, before, after, out);
    }

    /**
     * Folds in and takes back the rows of an updating chunk, whose groups are listed in {@link #touched}, and emits
     * their changes: {@code +I} for a group that comes alive, {@code -D} for one left without rows (then emptied).
     */
    private void processUpdates(Chunk chunk, int groupCount, int touchedCount, Output out) {
        rowCounts.ensureGroups(groupCount);
        int liveBefore = 0;
        for (int j = 0; j < touchedCount; j++) {
            wasLive[j] = rowCounts.isLive(touched[j]);
            if (wasLive[j]) {
                existing[liveBefore++] = touched[j];
            }
        }
        Vector[] before = new Vector[states.length];
        for (int i = 0; i < states.length; i++) {
            before[i] = states[i].results(existing, liveBefore, groupCount);
        }
        int adds = rowCounts.split(chunk, groupIds);
        int retracts = rowCounts.retractCount();
        for (AggregateCallState state : states) {
            state.accumulate(chunk, groupIds, groupCount, rowCounts.addRows(), adds);
            if (retracts > 0) {
                state.retract(chunk, groupIds, groupCount, rowCounts.retractRows(), retracts);
            }
        }
        int liveAfter = 0;
        for (int j = 0; j < touchedCount; j++) {
            if (rowCounts.isLive(touched[j])) {
                existing[liveAfter++] = touched[j];
            }
        }
        Vector[] after = new Vector[states.length];
        for (int i = 0; i < states.length; i++) {
            after[i] = states[i].results(existing, liveAfter, groupCount);
        }
        emitUpdates(touchedCount, before, after, out);
        for (int j = 0; j < touchedCount; j++) {
            int group = touched[j];
            if (!rowCounts.isLive(group)) {
                // Empty, so that a row arriving later starts the group afresh (a sum's rounding residue included).
                rowCounts.clear(group);
                for (AggregateCallState state : states) {
                    state.clear(group, groupCount);
                }
            }
        }
    }

    /**
     * Fails loudly rather than reading retractions as inserts: the planner makes an operator whose input may carry
     * them retracting ({@code UpdatingInputs}), so this means a plan that missed a producer of updates.
     */
    private static void requireInserts(Chunk chunk) {
        for (int r = 0; r < chunk.size(); r++) {
            if (chunk.rowKind(r) != RowKind.INSERT) {
                throw new IllegalStateException("An insert-only GROUP BY received a " + chunk.rowKind(r).shortString()
                        + " row: its input must be declared updating");
            }
        }
    }

    /**
     * Emits the changes of the touched groups of an updating chunk: {@code before[i]} holds call {@code i}'s result
     * of the j-th touched group that was live before the chunk, {@code after[i]} that of the j-th live after it.
     */
    private void emitUpdates(int touchedCount, Vector[] before, Vector[] after, Output out) {
        int old = 0;
        int now = 0;
        for (int j = 0; j < touchedCount; j++) {
            int group = touched[j];
            boolean live = rowCounts.isLive(group);
            if (wasLive[j] && live) {
                if (changed(before, old, after, now)) {
                    addRow(RowKind.UPDATE_BEFORE, group, before, old, out);
                    addRow(RowKind.UPDATE_AFTER, group, after, now, out);
                }
                old++;
                now++;
            } else if (wasLive[j]) {
                addRow(RowKind.DELETE, group, before, old++, out);
            } else if (live) {
                addRow(RowKind.INSERT, group, after, now++, out);
            }
        }
        if (!builder.isEmpty()) {
            out.emit(builder.build());
        }
    }

    /** Lists the distinct groups of rows {@code [0, size)} in {@link #touched}; returns how many. */
    private int collectTouched(int size, int groupCount) {
        if (marked.length < groupCount) {
            marked = Arrays.copyOf(marked, Math.max(groupCount, marked.length * 2));
        }
        int count = 0;
        for (int r = 0; r < size; r++) {
            int group = groupIds[r];
            if (!marked[group]) {
                marked[group] = true;
                touched[count++] = group;
            }
        }
        for (int j = 0; j < count; j++) {
            marked[touched[j]] = false;
        }
        return count;
    }

    /**
     * Emits the changelog of the touched groups: {@code after[i]} holds call {@code i}'s result of
     * {@code touched[j]} at {@code j}, {@code before[i]} that of the j-th touched group older than the chunk.
     */
    private void emitChanges(int touchedCount, int groupsBefore, Vector[] before, Vector[] after, Output out) {
        int old = 0;
        for (int j = 0; j < touchedCount; j++) {
            int group = touched[j];
            if (group >= groupsBefore) {
                addRow(RowKind.INSERT, group, after, j, out);
                continue;
            }
            if (changed(before, old, after, j)) {
                addRow(RowKind.UPDATE_BEFORE, group, before, old, out);
                addRow(RowKind.UPDATE_AFTER, group, after, j, out);
            }
            old++;
        }
        if (!builder.isEmpty()) {
            out.emit(builder.build());
        }
    }

    private boolean changed(Vector[] before, int beforeRow, Vector[] after, int afterRow) {
        for (int i = 0; i < after.length; i++) {
            if (!after[i].valueEquals(afterRow, before[i], beforeRow)) {
                return true;
            }
        }
        return false;
    }

    /** Adds a row of {@code group}'s key and the results at {@code row} of {@code results}; emits a full chunk. */
    private void addRow(RowKind kind, int group, Vector[] results, int row, Output out) {
        int target = builder.addRow(kind);
        int keyCount = groupKeys.length;
        for (int k = 0; k < keyCount; k++) {
            builder.column(k).copyFrom(groups.keyColumn(k), group, target);
        }
        for (int i = 0; i < results.length; i++) {
            builder.column(keyCount + i).copyFrom(results[i], row, target);
        }
        if (builder.isFull()) {
            out.emit(builder.build());
        }
    }

    private void ensureScratch(int size) {
        if (hashes.length < size) {
            hashes = new int[size];
            groupIds = new int[size];
            touched = new int[size];
            existing = new int[size];
            if (retracting) {
                wasLive = new boolean[size];
            }
        }
    }

    /**
     * Serializes every group at the barrier into the stream of its key group (by the hash of its key, as the hash
     * exchange routes its rows): the count, the keys, then each call's state of those groups.
     */
    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(retracting ? RETRACTING_STATE_VERSION : STATE_VERSION);
        int groupCount = groups.size();
        if (retracting) {
            rowCounts.ensureGroups(groupCount);
        }
        int[][] byKeyGroup = new int[KeyGroups.MAX_PARALLELISM][];
        int[] counts = new int[KeyGroups.MAX_PARALLELISM];
        for (int group = 0; group < groupCount; group++) {
            if (retracting && !rowCounts.isLive(group)) {
                continue;
            }
            int keyGroup = KeyGroups.keyGroup(groups.groupHash(group));
            int[] ids = byKeyGroup[keyGroup];
            if (ids == null || ids.length == counts[keyGroup]) {
                byKeyGroup[keyGroup] = ids = ids == null ? new int[16] : Arrays.copyOf(ids, ids.length * 2);
            }
            ids[counts[keyGroup]++] = group;
        }
        Vector[] keys = new Vector[groupKeys.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = groups.keyColumn(k);
        }
        for (int keyGroup = 0; keyGroup < counts.length; keyGroup++) {
            if (counts[keyGroup] > 0) {
                DataOutput out = state.keyGroup(keyGroup);
                ValueCodec.writeRows(out, keys, byKeyGroup[keyGroup], counts[keyGroup]);
                if (retracting) {
                    rowCounts.write(out, byKeyGroup[keyGroup], counts[keyGroup]);
                }
                for (AggregateCallState call : states) {
                    call.writeGroups(out, byKeyGroup[keyGroup], counts[keyGroup], groupCount);
                }
            }
        }
        return state.snapshot();
    }

    /** Restores the groups of the key groups this subtask owns now, whichever subtask wrote them. */
    @Override
    public void restoreState(StateReader state) throws IOException {
        for (StateReader.KeyGroupState keyGroup : state.keyGroups()) {
            DataInput in = keyGroup.input();
            StateBytes.checkVersion(in, retracting ? RETRACTING_STATE_VERSION : STATE_VERSION, "group aggregate");
            Chunk keys = ValueCodec.readRows(in, keyTypes);
            int count = keys.size();
            int[] keyHashes = new int[count];
            int[] ids = new int[count];
            GroupHashTable.hash(keys.columns(), count, keyHashes);
            groups.findOrInsert(keys.columns(), keyHashes, count, ids);
            if (retracting) {
                rowCounts.read(in, ids, count, groups.size());
            }
            for (AggregateCallState call : states) {
                call.readGroups(in, ids, count, groups.size());
            }
        }
    }

    @Override
    public void close() {
        groups = null;
        states = null;
        builder = null;
        rowCounts = null;
    }
}
