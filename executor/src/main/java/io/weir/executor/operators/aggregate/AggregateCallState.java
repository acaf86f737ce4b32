package io.weir.executor.operators.aggregate;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One aggregate call over all groups: picks the rows that count (the FILTER clause, then DISTINCT) and
 * feeds them to the call's {@link Accumulator}.
 *
 * <p>DISTINCT keeps a second {@link GroupHashTable} keyed by (group id, value): a row counts only when it is
 * the first with its value in its group. Null arguments never count for DISTINCT (every function skips
 * them), so they are dropped before the lookup. A retracting DISTINCT call also counts the rows of each
 * (group, value): a value is folded in when its count becomes 1 and taken back out when it drops to 0. Pairs
 * whose count is 0 stay in the table (it cannot remove entries) but are left out of checkpoints.
 */
public final class AggregateCallState {

    private final AggregateCall call;
    private final Accumulator accumulator;
    private final GroupHashTable distinctSeen;
    private final boolean retracting;
    /** Retracting DISTINCT only: by id in {@link #distinctSeen}, the rows holding that (group, value). */
    private long[] distinctCounts = new long[0];
    /** Scratch arrays sized to the largest chunk seen, re-used across chunks. */
    private int[] rows = new int[0];
    private int[] hashes = new int[0];
    private int[] ids = new int[0];
    private int[] valueGroups = new int[0];

    public AggregateCallState(AggregateCall call) {
        this(call, false);
    }

    /**
     * @param retracting whether rows may also be taken back ({@link #retract})
     * @throws io.weir.executor.api.WeirException of kind PLAN for a retracting call of a function that cannot take
     *         rows back
     */
    public AggregateCallState(AggregateCall call, boolean retracting) {
        this.call = call;
        this.retracting = retracting;
        this.accumulator = Accumulators.create(call, retracting);
        this.distinctSeen = call.distinct() && call.argIndex() >= 0
                ? new GroupHashTable(List.of(DataType.BIGINT, call.argType()))
                : null;
    }

    /** Makes room for {@code groupCount} groups at once, rather than growing to them a chunk at a time. */
    public void reserveGroups(int groupCount) {
        accumulator.ensureGroups(groupCount);
    }

    public AggregateCall call() {
        return call;
    }

    /** Folds {@code chunk}'s rows into groups {@code groupIds}; there are {@code groupCount} groups now. */
    public void accumulate(Chunk chunk, int[] groupIds, int groupCount) {
        int size = chunk.size();
        ensureRows(size);
        for (int r = 0; r < size; r++) {
            rows[r] = r;
        }
        accumulateRows(chunk, groupIds, groupCount, size);
    }

    /**
     * Folds only rows {@code selection[0..count)} of {@code chunk} into their groups ({@code groupIds} is
     * indexed by row, as in {@link #accumulate(Chunk, int[], int)}); for operators that route the rows of one
     * chunk to several sets of groups (one per window).
     */
    public void accumulate(Chunk chunk, int[] groupIds, int groupCount, int[] selection, int count) {
        ensureRows(chunk.size());
        System.arraycopy(selection, 0, rows, 0, count);
        accumulateRows(chunk, groupIds, groupCount, count);
    }

    /**
     * Folds {@code values[0..count)} into group {@code group}, bypassing the FILTER clause and DISTINCT: for
     * callers that applied both themselves (session windows, which keep each session's distinct values so that
     * sessions can merge, and fold the values one session lacks into it).
     */
    public void accumulateValues(Vector values, int count, int group, int groupCount) {
        if (count == 0) {
            return;
        }
        accumulator.ensureGroups(groupCount);
        if (valueGroups.length < count) {
            valueGroups = new int[count];
        }
        ensureRows(count);
        for (int i = 0; i < count; i++) {
            rows[i] = i;
            valueGroups[i] = group;
        }
        accumulator.accumulate(values, valueGroups, rows, count);
    }

    /**
     * Takes rows {@code selection[0..count)} of {@code chunk} back out of their groups (rows of kind {@code -U} or
     * {@code -D}), applying the FILTER clause as {@link #accumulate} did; each was folded in before. Only for a state
     * made retracting.
     */
    public void retract(Chunk chunk, int[] groupIds, int groupCount, int[] selection, int count) {
        accumulator.ensureGroups(groupCount);
        ensureRows(chunk.size());
        System.arraycopy(selection, 0, rows, 0, count);
        count = keepFiltered(chunk, count);
        Vector arg = call.argIndex() < 0 ? null : chunk.column(call.argIndex());
        if (distinctSeen != null) {
            count = keepCountChanges(arg, groupIds, count, -1);
        }
        if (count > 0) {
            accumulator.retract(arg, groupIds, rows, count);
        }
    }

    /** Folds rows {@code rows[0..count)} into their groups. */
    private void accumulateRows(Chunk chunk, int[] groupIds, int groupCount, int count) {
        accumulator.ensureGroups(groupCount);
        count = keepFiltered(chunk, count);
        Vector arg = call.argIndex() < 0 ? null : chunk.column(call.argIndex());
        if (distinctSeen != null) {
            count = retracting ? keepCountChanges(arg, groupIds, count, 1) : keepFirstDistinct(arg, groupIds, count);
        }
        if (count > 0) {
            accumulator.accumulate(arg, groupIds, rows, count);
        }
    }

    private void ensureRows(int size) {
        if (rows.length < size) {
            rows = new int[size];
        }
    }

    /** Results of groups {@code [from, from + count)}; the accumulator has room for all groups. */
    public Vector results(int from, int count, int groupCount) {
        accumulator.ensureGroups(groupCount);
        return accumulator.results(from, count);
    }

    /** Results of groups {@code groups[0..count)}, in that order; every id is below {@code groupCount}. */
    public Vector results(int[] groups, int count, int groupCount) {
        accumulator.ensureGroups(groupCount);
        return accumulator.results(groups, count);
    }

    /**
     * Folds group {@code source} into group {@code target} (see {@link Accumulator#merge}). Not offered for
     * DISTINCT calls: their seen values are keyed by group id and cannot move between groups.
     *
     * @throws UnsupportedOperationException for a DISTINCT call
     */
    public void merge(int target, int source, int groupCount) {
        requireMergeable();
        accumulator.ensureGroups(groupCount);
        accumulator.merge(target, source);
    }

    /**
     * Folds groups {@code [0, count)} of {@code from} (the state of the same call) into groups {@code targets[0..count)}
     * of this one (see {@link Accumulator#mergeFrom}); this one has {@code groupCount} groups. Not offered for
     * DISTINCT calls, for the reason given at {@link #merge}.
     *
     * @throws UnsupportedOperationException for a DISTINCT call
     */
    public void mergeFrom(AggregateCallState from, int[] targets, int count, int groupCount) {
        requireMergeable();
        accumulator.ensureGroups(groupCount);
        from.accumulator.ensureGroups(count);
        accumulator.mergeFrom(from.accumulator, targets, count);
    }

    /**
     * Empties group {@code group} for re-use (see {@link Accumulator#reset}). Not offered for DISTINCT calls,
     * for the reason given at {@link #merge}.
     *
     * @throws UnsupportedOperationException for a DISTINCT call
     */
    public void reset(int group, int groupCount) {
        requireMergeable();
        accumulator.ensureGroups(groupCount);
        accumulator.reset(group);
    }

    /**
     * Empties group {@code group}, all of whose rows have been retracted, for a later row to start afresh (its
     * DISTINCT values' counts are all 0 already). Only for a retracting state.
     */
    public void clear(int group, int groupCount) {
        if (!retracting) {
            throw new IllegalStateException("Only a retracting aggregate state clears groups");
        }
        accumulator.ensureGroups(groupCount);
        accumulator.reset(group);
    }

    /** True when groups of this call can be merged and reset: every call but a DISTINCT one. */
    public boolean isMergeable() {
        return distinctSeen == null;
    }

    private void requireMergeable() {
        if (!isMergeable()) {
            throw new UnsupportedOperationException("DISTINCT aggregate groups cannot be merged or reset");
        }
    }

    /** Keeps, among {@code rows[0..count)}, the rows the FILTER clause keeps (all without one); returns how many. */
    private int keepFiltered(Chunk chunk, int count) {
        if (call.filterIndex() < 0) {
            return count;
        }
        BooleanVector filter = chunk.booleanColumn(call.filterIndex());
        boolean[] values = filter.values();
        boolean[] nulls = filter.mayHaveNulls() ? filter.nullMask() : null;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (values[r] && (nulls == null || !nulls[r])) {
                rows[kept++] = r;
            }
        }
        return kept;
    }

    /** Keeps, among {@code rows[0..count)}, the first row of each (group, non-null value); returns how many. */
    private int keepFirstDistinct(Vector arg, int[] groupIds, int count) {
        int nextNew = distinctSeen.size();
        int candidates = lookUpDistinct(arg, groupIds, count);
        int kept = 0;
        for (int i = 0; i < candidates; i++) {
            // New ids are handed out in row order, so the first row of a new (group, value) has the next one.
            if (ids[i] == nextNew) {
                rows[kept++] = rows[i];
                nextNew++;
            }
        }
        return kept;
    }

    /**
     * Adds {@code delta} (1 or -1) to the row counts of the (group, value) of each of {@code rows[0..count)} with a
     * non-null value, and keeps the rows that make a value appear in (count now 1) or leave (count now 0) its group;
     * returns how many.
     */
    private int keepCountChanges(Vector arg, int[] groupIds, int count, long delta) {
        int candidates = lookUpDistinct(arg, groupIds, count);
        distinctCounts = GroupArrays.ensure(distinctCounts, distinctSeen.size());
        long changed = delta > 0 ? 1 : 0;
        int kept = 0;
        for (int i = 0; i < candidates; i++) {
            if ((distinctCounts[ids[i]] += delta) == changed) {
                rows[kept++] = rows[i];
            }
        }
        return kept;
    }

    /**
     * Drops the rows with a null value from {@code rows[0..count)} and finds (or adds) the (group, value) of each
     * other one: its id in {@link #distinctSeen} goes to {@code ids} at the row's new index. Returns how many rows
     * are left.
     */
    private int lookUpDistinct(Vector arg, int[] groupIds, int count) {
        int candidates = 0;
        for (int i = 0; i < count; i++) {
            if (!arg.isNull(rows[i])) {
                rows[candidates++] = rows[i];
            }
        }
        if (candidates == 0) {
            return 0;
        }
        LongVector groups = new LongVector(candidates);
        long[] groupValues = groups.values();
        for (int i = 0; i < candidates; i++) {
            groupValues[i] = groupIds[rows[i]];
        }
        Vector[] keys = {groups, arg.gather(rows, candidates)};
        if (hashes.length < candidates) {
            hashes = new int[rows.length];
            ids = new int[rows.length];
        }
        GroupHashTable.hash(keys, candidates, hashes);
        distinctSeen.findOrInsert(keys, hashes, candidates, ids);
        return candidates;
    }

    /**
     * Writes the state of groups {@code groups[0..count)} for a checkpoint: the accumulator's, then for DISTINCT
     * the values each group has seen (as pairs of the group's index in {@code groups} and the value).
     */
    public void writeGroups(DataOutput out, int[] groups, int count, int groupCount) throws IOException {
        accumulator.ensureGroups(groupCount);
        accumulator.writeGroups(out, groups, count);
        if (distinctSeen == null) {
            return;
        }
        int[] indexOfGroup = new int[groupCount];
        Arrays.fill(indexOfGroup, -1);
        for (int i = 0; i < count; i++) {
            indexOfGroup[groups[i]] = i;
        }
        LongVector seenGroups = (LongVector) distinctSeen.keyColumn(0);
        int[] pairs = new int[distinctSeen.size()];
        int pairCount = 0;
        if (retracting) {
            distinctCounts = GroupArrays.ensure(distinctCounts, distinctSeen.size());
        }
        for (int pair = 0; pair < distinctSeen.size(); pair++) {
            if (indexOfGroup[(int) seenGroups.get(pair)] >= 0 && (!retracting || distinctCounts[pair] > 0)) {
                pairs[pairCount++] = pair;
            }
        }
        LongVector indexes = new LongVector(Math.max(pairCount, 1));
        for (int i = 0; i < pairCount; i++) {
            indexes.set(i, indexOfGroup[(int) seenGroups.get(pairs[i])]);
        }
        ValueCodec.writeVarInt(out, pairCount);
        ValueCodec.writeColumn(out, indexes, identity(pairCount), pairCount);
        ValueCodec.writeColumn(out, distinctSeen.keyColumn(1), pairs, pairCount);
        if (retracting) {
            GroupStateCodec.writeLongs(out, distinctCounts, pairs, pairCount);
        }
    }

    /** Reads what {@link #writeGroups} wrote into groups {@code groups[0..count)}; there are {@code groupCount} now. */
    public void readGroups(DataInput in, int[] groups, int count, int groupCount) throws IOException {
        accumulator.ensureGroups(groupCount);
        accumulator.readGroups(in, groups, count);
        if (distinctSeen == null) {
            return;
        }
        int pairCount = ValueCodec.readVarInt(in);
        LongVector indexes = (LongVector) ValueCodec.readColumn(in, DataType.BIGINT, pairCount);
        Vector values = ValueCodec.readColumn(in, call.argType(), pairCount);
        long[] counts = new long[pairCount];
        if (retracting) {
            GroupStateCodec.readLongs(in, counts, identity(pairCount), pairCount);
        }
        if (pairCount == 0) {
            return;
        }
        LongVector pairGroups = new LongVector(pairCount);
        for (int i = 0; i < pairCount; i++) {
            pairGroups.set(i, groups[(int) indexes.get(i)]);
        }
        Vector[] keys = {pairGroups, values};
        int[] pairHashes = new int[pairCount];
        GroupHashTable.hash(keys, pairCount, pairHashes);
        int[] pairIds = new int[pairCount];
        distinctSeen.findOrInsert(keys, pairHashes, pairCount, pairIds);
        if (retracting) {
            distinctCounts = GroupArrays.ensure(distinctCounts, distinctSeen.size());
            for (int i = 0; i < pairCount; i++) {
                distinctCounts[pairIds[i]] = counts[i];
            }
        }
    }

    private static int[] identity(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
