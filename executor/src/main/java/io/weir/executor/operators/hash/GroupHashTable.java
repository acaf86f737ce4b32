package io.weir.executor.operators.hash;

import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * Maps distinct keys (tuples of column values) to dense group ids {@code 0, 1, 2, ...} in order of first
 * appearance. Shared by aggregation (group ids index the accumulators), joins (ids index the chains of build
 * rows) and set operations (ids index the per-side counts).
 *
 * <p>Keys are compared with {@link Vector#valueEquals}, so two nulls are equal: that is GROUP BY's and set
 * operations' rule; a join drops rows with null keys itself before it probes. Keys are copied into growable
 * columnar vectors ({@link #keyColumn(int)}), row {@code id} holding the key of group {@code id}.
 *
 * <p>Open addressing with linear probing over an {@code int[]} of group ids; the full hash of each group is
 * kept so that probes compare hashes before keys and so that growing never re-hashes key values.
 * Not thread-safe: one instance belongs to one operator.
 */
public final class GroupHashTable {

    private static final int EMPTY = -1;
    private static final int MIN_SLOTS = 16;

    private final Vector[] keys;
    /** Full (unmixed) hash of each group, by group id. */
    private int[] groupHashes;
    /** Group id per slot, or {@link #EMPTY}; its length is a power of two. */
    private int[] slots;
    private int mask;
    private int size;
    /** The size at which the slot array doubles, keeping the load factor at or below 1/2. */
    private int growAt;

    public GroupHashTable(List<DataType> keyTypes) {
        this(keyTypes, 64);
    }

    public GroupHashTable(List<DataType> keyTypes, int expectedGroups) {
        keys = new Vector[keyTypes.size()];
        int capacity = Math.max(expectedGroups, 4);
        for (int k = 0; k < keys.length; k++) {
            keys[k] = Vector.allocate(keyTypes.get(k), capacity);
        }
        groupHashes = new int[capacity];
        allocateSlots(slotCountFor(capacity));
    }

    /**
     * The hash of rows {@code [0, count)} over {@code columns} into {@code hashes} (which must hold
     * {@code count} ints). Build and probe sides must use this same function.
     */
    public static void hash(Vector[] columns, int count, int[] hashes) {
        Arrays.fill(hashes, 0, count, 0);
        for (Vector column : columns) {
            column.hashInto(hashes, count);
        }
    }

    /** The hash of group {@code group}'s key, as {@link #hash} computed it (what the hash exchange routes by). */
    public int groupHash(int group) {
        return groupHashes[group];
    }

    /** Number of distinct keys (groups) so far. */
    public int size() {
        return size;
    }

    public int keyColumnCount() {
        return keys.length;
    }

    /** Key column {@code k}: row {@code id} is group {@code id}'s value. Read-only for callers. */
    public Vector keyColumn(int k) {
        return keys[k];
    }

    /**
     * For each row {@code i < count} of {@code columns} (whose hashes {@link #hash} computed), puts the id of
     * its group into {@code groupIds[i]}, creating groups for keys not seen before. New ids are handed out in
     * increasing order as rows are scanned, so a row whose id equals the size before the call plus the number
     * of new ids seen so far is the first row of a new group.
     */
    public void findOrInsert(Vector[] columns, int[] hashes, int count, int[] groupIds) {
        findOrInsert(columns, hashes, null, count, groupIds);
    }

    /**
     * As {@link #findOrInsert(Vector[], int[], int, int[])} for the rows {@code rows[0..count)} only (in that order;
     * rows {@code [0, count)} when {@code rows} is null): {@code groupIds[rows[i]]} receives the group of row
     * {@code rows[i]}, whose hash is {@code hashes[rows[i]]}.
     */
    public void findOrInsert(Vector[] columns, int[] hashes, int[] rows, int count, int[] groupIds) {
        long[] values = singleLongKey(columns);
        if (values != null) {
            for (int i = 0; i < count; i++) {
                int row = rows == null ? i : rows[i];
                groupIds[row] = findOrInsertLong(columns, values, row, hashes[row]);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int row = rows == null ? i : rows[i];
            groupIds[row] = findOrInsert(columns, row, hashes[row]);
        }
    }

    /**
     * Finds or creates, for every group of {@code other} (a table of the same key types) in id order, the group of
     * the same key here: {@code groupIds[id]} receives it. Merges partial aggregates kept in separate tables.
     */
    public void findOrInsertGroupsOf(GroupHashTable other, int[] groupIds) {
        findOrInsert(other.keys, other.groupHashes, other.size, groupIds);
    }

    /** The group of row {@code row}, whose single long key is {@code values[row]}, created if absent. */
    private int findOrInsertLong(Vector[] columns, long[] values, int row, int hash) {
        int id = findLong(values[row], hash, mix(hash) & mask);
        // Not found: -(slot + 1) of the empty slot where the probe ended.
        return id >= 0 ? id : insert(columns, row, hash, -id - 1);
    }

    /** Looks rows up without inserting: {@code groupIds[i]} is the group id, or -1 when the key is absent. */
    public void find(Vector[] columns, int[] hashes, int count, int[] groupIds) {
        long[] values = singleLongKey(columns);
        if (values != null) {
            for (int i = 0; i < count; i++) {
                int hash = hashes[i];
                int id = findLong(values[i], hash, mix(hash) & mask);
                groupIds[i] = Math.max(id, -1);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            groupIds[i] = find(columns, i, hashes[i]);
        }
    }

    /**
     * The probe values when the key is one BIGINT-like column without nulls on either side, the common
     * {@code GROUP BY id} and join on an id: then keys compare as longs, without a call per comparison.
     */
    private long[] singleLongKey(Vector[] columns) {
        return keys.length == 1 && keys[0] instanceof LongVector stored && !stored.mayHaveNulls()
                && columns[0] instanceof LongVector probe && !probe.mayHaveNulls() ? probe.values() : null;
    }

    /** The group whose single long key is {@code value}, probing from {@code slot}; else -(empty slot + 1). */
    private int findLong(long value, int hash, int slot) {
        long[] stored = ((LongVector) keys[0]).values();
        while (true) {
            int id = slots[slot];
            if (id == EMPTY) {
                return -slot - 1;
            }
            if (groupHashes[id] == hash && stored[id] == value) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The group of row {@code row} of {@code columns}, created if absent. */
    public int findOrInsert(Vector[] columns, int row, int hash) {
        int slot = mix(hash) & mask;
        while (true) {
            int id = slots[slot];
            if (id == EMPTY) {
                return insert(columns, row, hash, slot);
            }
            if (groupHashes[id] == hash && keyEquals(id, columns, row)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The group of row {@code row} of {@code columns}, or -1. */
    public int find(Vector[] columns, int row, int hash) {
        int slot = mix(hash) & mask;
        while (true) {
            int id = slots[slot];
            if (id == EMPTY) {
                return -1;
            }
            if (groupHashes[id] == hash && keyEquals(id, columns, row)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of the one group of a table without key columns (a global aggregate), created if absent. */
    public int emptyKeyGroup() {
        if (keys.length != 0) {
            throw new IllegalStateException("Only a table without key columns has an empty key");
        }
        return findOrInsert(keys, 0, 0);
    }

    private boolean keyEquals(int id, Vector[] columns, int row) {
        for (int k = 0; k < keys.length; k++) {
            if (!keys[k].valueEquals(id, columns[k], row)) {
                return false;
            }
        }
        return true;
    }

    private int insert(Vector[] columns, int row, int hash, int slot) {
        int id = size;
        if (id == groupHashes.length) {
            int capacity = id + (id >> 1) + 16;
            groupHashes = Arrays.copyOf(groupHashes, capacity);
            for (Vector key : keys) {
                key.ensureCapacity(capacity);
            }
        }
        for (int k = 0; k < keys.length; k++) {
            keys[k].copyFrom(columns[k], row, id);
        }
        groupHashes[id] = hash;
        slots[slot] = id;
        size++;
        if (size > growAt) {
            rehash(slots.length * 2);
        }
        return id;
    }

    private void rehash(int slotCount) {
        allocateSlots(slotCount);
        for (int id = 0; id < size; id++) {
            int slot = mix(groupHashes[id]) & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }

    private void allocateSlots(int slotCount) {
        slots = new int[slotCount];
        Arrays.fill(slots, EMPTY);
        mask = slotCount - 1;
        growAt = slotCount / 2;
    }

    private static int slotCountFor(int groups) {
        int slots = MIN_SLOTS;
        while (slots / 2 < groups) {
            slots <<= 1;
        }
        return slots;
    }

    /**
     * Spreads the combined hash over the low bits used as the slot index (the murmur3 finalizer):
     * {@code 31 * h + x} alone leaves the low bits weak for small integer keys.
     */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
