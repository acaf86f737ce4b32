package io.weir.executor.operators.join;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import io.weir.executor.operators.store.RowStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: every build row in a {@link RowStore}, and for each distinct join key the
 * chain of rows that carry it, in arrival order. Rows whose key is null in a column that is not null-safe
 * are stored (an outer join must still emit them) but chained nowhere, so no probe can find them.
 */
public final class BuildSide {

    private final int[] keys;
    private final boolean[] nullSafe;
    private final RowStore rows;
    private final GroupHashTable table;
    // Links are stored as row + 1 so that the zeros of a freshly grown array mean "no row".
    private int[] chainHead = new int[64];
    private int[] chainTail = new int[64];
    private int[] nextInChain = new int[64];
    private int[] hashes = new int[0];
    private int[] groupIds = new int[0];

    public BuildSide(int[] keys, boolean[] nullSafe, List<DataType> types) {
        this.keys = keys.clone();
        this.nullSafe = nullSafe.clone();
        this.rows = new RowStore(types);
        List<DataType> keyTypes = new ArrayList<>(keys.length);
        for (int key : keys) {
            keyTypes.add(types.get(key));
        }
        this.table = new GroupHashTable(keyTypes);
    }

    public RowStore rows() {
        return rows;
    }

    public void add(Chunk chunk) {
        int size = chunk.size();
        int first = rows.append(chunk);
        Vector[] keyColumns = keyColumns(chunk, keys);
        ensureScratch(size);
        GroupHashTable.hash(keyColumns, size, hashes);
        table.findOrInsert(keyColumns, hashes, size, groupIds);
        excludeNullKeys(keyColumns, nullSafe, size, groupIds);
        ensureLinks(table.size(), rows.size());
        for (int i = 0; i < size; i++) {
            int group = groupIds[i];
            if (group < 0) {
                continue;
            }
            int link = first + i + 1;
            if (chainHead[group] == 0) {
                chainHead[group] = link;
            } else {
                nextInChain[chainTail[group] - 1] = link;
            }
            chainTail[group] = link;
        }
    }

    /**
     * For each row {@code i} of {@code chunk}, the first build row whose key equals the row's columns
     * {@code probeKeys} (same order and physical types as the build keys) into {@code firstMatch[i]}, or -1
     * when there is none. {@code firstMatch} holds at least {@code chunk.size()} ints.
     */
    public void probe(Chunk chunk, int[] probeKeys, int[] firstMatch) {
        int size = chunk.size();
        Vector[] keyColumns = keyColumns(chunk, probeKeys);
        ensureScratch(size);
        GroupHashTable.hash(keyColumns, size, hashes);
        table.find(keyColumns, hashes, size, firstMatch);
        excludeNullKeys(keyColumns, nullSafe, size, firstMatch);
        for (int i = 0; i < size; i++) {
            int group = firstMatch[i];
            firstMatch[i] = group < 0 ? -1 : chainHead[group] - 1;
        }
    }

    /** The build row after {@code row} with the same key, or -1. */
    public int nextMatch(int row) {
        return nextInChain[row] - 1;
    }

    private static Vector[] keyColumns(Chunk chunk, int[] keys) {
        Vector[] columns = new Vector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            columns[k] = chunk.column(keys[k]);
        }
        return columns;
    }

    /** SQL's rule: a null never equals anything, unless the key is compared with IS NOT DISTINCT FROM. */
    private static void excludeNullKeys(Vector[] keyColumns, boolean[] nullSafe, int size, int[] groupIds) {
        for (int k = 0; k < keyColumns.length; k++) {
            Vector column = keyColumns[k];
            if (nullSafe[k] || !column.mayHaveNulls()) {
                continue;
            }
            boolean[] nulls = column.nullMask();
            for (int i = 0; i < size; i++) {
                if (nulls[i]) {
                    groupIds[i] = -1;
                }
            }
        }
    }

    private void ensureScratch(int size) {
        if (hashes.length < size) {
            hashes = new int[size];
            groupIds = new int[size];
        }
    }

    private void ensureLinks(int groups, int rowCount) {
        if (chainHead.length < groups) {
            int length = Math.max(groups, chainHead.length * 2);
            chainHead = Arrays.copyOf(chainHead, length);
            chainTail = Arrays.copyOf(chainTail, length);
        }
        if (nextInChain.length < rowCount) {
            nextInChain = Arrays.copyOf(nextInChain, Math.max(rowCount, nextInChain.length * 2));
        }
    }
}
