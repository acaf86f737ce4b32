package io.weir.executor.operators.rank;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import io.weir.executor.operators.sort.RowComparator;
import io.weir.executor.operators.store.RowStore;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The current top {@code limit} rows of every partition, each partition's rows in rank order. Rows live in one
 * {@link RowStore} addressed by slot; a partition holds the slots of its ranked rows. A slot pushed out of a
 * partition is handed back to the caller, which frees it with {@link #free} once it no longer needs to read the row
 * (the operator emits a pushed-out row's retraction at the end of the chunk, so it frees slots then).
 *
 * <p>Ties in the sort keys keep arrival order: a new row ranks after the rows equal to it, so it enters only where
 * it sorts strictly before a kept row. With {@code newerWinsTies} it ranks before them instead (keeping the last row
 * of equal rowtime, as Flink's deduplication does). Not thread-safe.
 */
final class RankedPartitions {

    /** {@link #insert} result: the row does not make its partition's top rows. */
    static final int REJECTED = -2;
    /** {@link #insert} result: the row entered and pushed nothing out. */
    static final int NOTHING_EVICTED = -1;

    private final int[] partitionKeys;
    private final List<DataType> keyTypes;
    private final List<DataType> rowTypes;
    private final int limit;
    private final boolean newerWinsTies;
    private final RowComparator comparator;

    private final GroupHashTable partitions;
    private final RowStore rows;
    /** By partition id: the slots of its ranked rows, best first; {@link #counts} says how many are used. */
    private int[][] ranked = new int[64][];
    private int[] counts = new int[64];
    private int[] freeSlots = new int[16];
    private int freeCount;

    RankedPartitions(int[] partitionKeys, RowComparator comparator, int limit, boolean newerWinsTies,
            List<DataType> rowTypes) {
        this.partitionKeys = partitionKeys.clone();
        this.keyTypes = Arrays.stream(partitionKeys).mapToObj(rowTypes::get).toList();
        this.rowTypes = List.copyOf(rowTypes);
        this.limit = limit;
        this.newerWinsTies = newerWinsTies;
        this.comparator = comparator;
        this.partitions = new GroupHashTable(keyTypes);
        this.rows = new RowStore(rowTypes);
    }

    /** The partition ids of rows {@code [0, size)} of {@code chunk} into {@code ids}, creating new partitions. */
    void findOrInsert(Chunk chunk, int size, int[] hashes, int[] ids) {
        Vector[] keys = chunk.columns(partitionKeys);
        GroupHashTable.hash(keys, size, hashes);
        partitions.findOrInsert(keys, hashes, size, ids);
        ensurePartitions(partitions.size());
    }

    int partitionCount() {
        return partitions.size();
    }

    int count(int partition) {
        return counts[partition];
    }

    /** The slots of {@code partition}'s rows, best first; valid up to {@link #count}, until the next insert. */
    int[] slots(int partition) {
        return ranked[partition];
    }

    /** The stored rows, addressed by slot. Read-only for callers. */
    Vector[] columns() {
        return rows.columns();
    }

    /**
     * Offers row {@code row} of {@code chunk} to {@code partition}: {@link #REJECTED}, {@link #NOTHING_EVICTED}, or
     * the slot of the row it pushed out (still readable until {@link #free}d).
     */
    int insert(int partition, Chunk chunk, int row) {
        int count = counts[partition];
        int position = position(partition, count, chunk.columns(), row);
        if (position >= limit) {
            return REJECTED;
        }
        int[] slots = ranked[partition];
        int evicted = NOTHING_EVICTED;
        if (count == limit) {
            evicted = slots[count - 1];
            count--;
        } else if (count == slots.length) {
            slots = ranked[partition] = Arrays.copyOf(slots, (int) Math.min(limit, 2L * slots.length));
        }
        System.arraycopy(slots, position, slots, position + 1, count - position);
        slots[position] = store(chunk, row);
        counts[partition] = count + 1;
        return evicted;
    }

    /** Where a new row goes among the {@code count} ranked rows (binary search: they are sorted). */
    private int position(int partition, int count, Vector[] columns, int row) {
        int[] slots = ranked[partition];
        Vector[] stored = rows.columns();
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int cmp = comparator.compare(stored, slots[mid], columns, row);
            // The new row goes before the first kept row that sorts after it (or, when newer wins, not before it).
            if (cmp > 0 || newerWinsTies && cmp == 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private int store(Chunk chunk, int row) {
        if (freeCount > 0) {
            int slot = freeSlots[--freeCount];
            rows.set(slot, chunk, row);
            return slot;
        }
        return rows.append(chunk, row);
    }

    /** Makes a slot returned by {@link #insert} reusable. */
    void free(int slot) {
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    private void ensurePartitions(int partitionCount) {
        if (ranked.length < partitionCount) {
            int capacity = Math.max(partitionCount, ranked.length * 2);
            ranked = Arrays.copyOf(ranked, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        for (int p = partitionCount - 1; p >= 0 && ranked[p] == null; p--) {
            ranked[p] = new int[Math.min(limit, 4)];
        }
    }

    /** The key group of each partition's key, by partition id: where its state is written. */
    int keyGroup(int partition) {
        return KeyGroups.keyGroup(partitions.groupHash(partition));
    }

    /**
     * Writes partitions {@code ids[0..count)}: their keys, the number of rows of each, then all their rows in rank
     * order.
     */
    void write(DataOutput out, int[] ids, int count) throws IOException {
        Vector[] keys = new Vector[partitionKeys.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = partitions.keyColumn(k);
        }
        ValueCodec.writeRows(out, keys, ids, count);
        int total = 0;
        for (int i = 0; i < count; i++) {
            ValueCodec.writeVarInt(out, counts[ids[i]]);
            total += counts[ids[i]];
        }
        int[] slots = new int[total];
        int next = 0;
        for (int i = 0; i < count; i++) {
            System.arraycopy(ranked[ids[i]], 0, slots, next, counts[ids[i]]);
            next += counts[ids[i]];
        }
        ValueCodec.writeRows(out, rows.columns(), slots, total);
    }

    /** Reads what {@link #write} wrote, adding the partitions (whose keys this table does not hold yet). */
    void read(DataInput in) throws IOException {
        Chunk keys = ValueCodec.readRows(in, keyTypes);
        int count = keys.size();
        int[] hashes = new int[count];
        int[] ids = new int[count];
        GroupHashTable.hash(keys.columns(), count, hashes);
        partitions.findOrInsert(keys.columns(), hashes, count, ids);
        ensurePartitions(partitions.size());
        int[] rowCounts = new int[count];
        for (int i = 0; i < count; i++) {
            rowCounts[i] = ValueCodec.readVarInt(in);
        }
        Chunk stored = ValueCodec.readRows(in, rowTypes);
        int row = 0;
        for (int i = 0; i < count; i++) {
            int partition = ids[i];
            if (ranked[partition].length < rowCounts[i]) {
                ranked[partition] = new int[rowCounts[i]];
            }
            for (int r = 0; r < rowCounts[i]; r++) {
                ranked[partition][r] = store(stored, row++);
            }
            counts[partition] = rowCounts[i];
        }
    }
}
