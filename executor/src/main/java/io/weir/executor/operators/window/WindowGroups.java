package io.weir.executor.operators.window;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.KeyGroups;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.aggregate.AggregateCallState;
import io.weir.executor.operators.hash.GroupHashTable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The groups of one window of a {@link WindowAggregateOperator} and their aggregates: a hash table of group
 * keys and one {@link AggregateCallState} per call, the same pieces as a batch hash aggregate. Dropping the
 * object frees the window's whole state once it has fired.
 */
final class WindowGroups {

    private final GroupHashTable groups;
    private final AggregateCallState[] states;

    WindowGroups(List<DataType> keyTypes, List<AggregateCall> calls) {
        this(keyTypes, calls, 16);
    }

    /** @param expectedGroups how many groups to make room for at first (growing rehashes and copies every group) */
    WindowGroups(List<DataType> keyTypes, List<AggregateCall> calls, int expectedGroups) {
        this.groups = new GroupHashTable(keyTypes, expectedGroups);
        this.states = new AggregateCallState[calls.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = new AggregateCallState(calls.get(i));
            states[i].reserveGroups(expectedGroups);
        }
    }

    /**
     * Folds rows {@code selection[0..count)} of {@code chunk} into their groups, created if new: the group of row
     * {@code r} (by {@code keys}, whose hashes {@code hashes} holds) goes into {@code groupIds[r]}.
     */
    void accumulate(Chunk chunk, Vector[] keys, int[] hashes, int[] groupIds, int[] selection, int count) {
        groups.findOrInsert(keys, hashes, selection, count, groupIds);
        int groupCount = groups.size();
        for (AggregateCallState state : states) {
            state.accumulate(chunk, groupIds, groupCount, selection, count);
        }
    }

    /**
     * Folds every group of {@code slice} (groups of the same keys and calls) into this one's, creating the keys this
     * one lacks: the window made of slices.
     */
    void mergeFrom(WindowGroups slice) {
        int count = slice.size();
        if (count == 0) {
            return;
        }
        int[] targets = new int[count];
        groups.findOrInsertGroupsOf(slice.groups, targets);
        int groupCount = groups.size();
        for (int i = 0; i < states.length; i++) {
            states[i].mergeFrom(slice.states[i], targets, count, groupCount);
        }
    }

    int size() {
        return groups.size();
    }

    /** Result rows of groups {@code [from, from + count)}: the key columns, then one column per call. */
    Vector[] results(int from, int count) {
        int keyCount = groups.keyColumnCount();
        Vector[] columns = new Vector[keyCount + states.length];
        for (int k = 0; k < keyCount; k++) {
            Vector key = groups.keyColumn(k);
            columns[k] = key.newEmpty(count);
            columns[k].copyRange(key, from, 0, count);
        }
        int groupCount = groups.size();
        for (int i = 0; i < states.length; i++) {
            columns[keyCount + i] = states[i].results(from, count, groupCount);
        }
        return columns;
    }

    /** The key group of group {@code group}: by the hash of its whole key, as the hash exchange routes its rows. */
    int keyGroupOf(int group) {
        return KeyGroups.keyGroup(groups.groupHash(group));
    }

    /** Writes groups {@code ids[0..count)} for a checkpoint: their keys, then each call's state of them. */
    void write(DataOutput out, int[] ids, int count) throws IOException {
        Vector[] keys = new Vector[groups.keyColumnCount()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = groups.keyColumn(k);
        }
        ValueCodec.writeRows(out, keys, ids, count);
        for (AggregateCallState state : states) {
            state.writeGroups(out, ids, count, groups.size());
        }
    }

    /** Adds the groups {@link #write} wrote; their keys are new to this window (they come from one key group). */
    void read(DataInput in, List<DataType> keyTypes) throws IOException {
        Chunk keys = ValueCodec.readRows(in, keyTypes);
        int count = keys.size();
        int[] hashes = new int[count];
        int[] ids = new int[count];
        GroupHashTable.hash(keys.columns(), count, hashes);
        groups.findOrInsert(keys.columns(), hashes, count, ids);
        for (AggregateCallState state : states) {
            state.readGroups(in, ids, count, groups.size());
        }
    }
}
