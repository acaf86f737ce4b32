package io.weir.executor.operators.join;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import io.weir.executor.operators.store.RowStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: every build row in a {@link RowStore}, and for each distinct join key the
 * chain of rows that carry it, in arrival order. Rows whose key is null in a column that is not null-safe
 * are stored (an outer join must still emit them) but chained nowhere, so no probe can find them. Rows are
 * indexed (hashed and chained) when a probe needs them, not when they are added.
 */
public final class BuildSide {

    /** How many times, on average, an unindexed row may be scanned before indexing pays. */
    private static final int SCAN_FACTOR = 16;

    private final int[] keys;
    private final boolean[] nullSafe;
    private final RowStore rows;
    private final GroupHashTable table;
    // Links are stored as row + 1 so that the zeros of a freshly grown array mean "no row".
    private int[] chainHead = new int[64];
    private int[] chainTail = new int[64];
    private int[] nextInChain = new int[64];
    private int[] hashes = new int[0];
    private int[] matches = new int[0];
    /** Rows {@code [0, indexed)} are in the table and chained; later ones only stored. */
    private int indexed;
    /** Key comparisons {@link #forEachMatch} spent scanning unindexed rows since the last indexing. */
    private long scannedSinceIndexing;

    public BuildSide(int[] keys, boolean[] nullSafe, List<DataType> types) {
        this(keys, nullSafe, types, 64);
    }

    /** @param expectedRows how many rows to make room for at first (growing copies every column) */
    public BuildSide(int[] keys, boolean[] nullSafe, List<DataType> types, int expectedRows) {
        this(keys, nullSafe, new RowStore(types, expectedRows));
    }

    /**
     * A build side whose string columns {@code packedColumns[c]}, none of them a key, are kept packed
     * ({@link RowStore#withPackedStrings}): for rows kept while they turn over (a stream join).
     */
    public static BuildSide withPackedStrings(int[] keys, boolean[] nullSafe, List<DataType> types,
            int expectedRows, boolean[] packedColumns) {
        for (int key : keys) {
            if (packedColumns[key]) {
                throw new IllegalArgumentException("Key column " + key + " cannot be packed");
            }
        }
        return new BuildSide(keys, nullSafe, RowStore.withPackedStrings(types, expectedRows, packedColumns));
    }

    private BuildSide(int[] keys, boolean[] nullSafe, RowStore rows) {
        List<DataType> types = rows.types();
        this.keys = keys.clone();
        this.nullSafe = nullSafe.clone();
        this.rows = rows;
        List<DataType> keyTypes = new ArrayList<>(keys.length);
        for (int key : keys) {
            keyTypes.add(types.get(key));
        }
        this.table = new GroupHashTable(keyTypes);
    }

    public RowStore rows() {
        return rows;
    }

    /** Stores the rows of {@code chunk}; they are indexed by key when a probe first needs them. */
    public void add(Chunk chunk) {
        rows.append(chunk);
    }

    /** What {@link #forEachMatch} reports: row {@code probeRow} of the probing chunk matches build row {@code row}. */
    @FunctionalInterface
    public interface Match {
        void accept(int probeRow, int row);
    }

    /**
     * Reports every pair of a row of {@code chunk} and a build row whose key equals the row's columns
     * {@code probeKeys}. Rows stored since the last indexing are compared by a scan while that is cheaper than
     * indexing them: a join whose build side grows much faster than it is probed (a stream of bids probed by one
     * row per window) then never pays for hashing rows it will rarely look up. The scans since the last indexing
     * are bounded by {@link #SCAN_FACTOR} comparisons per unindexed row, so no row is scanned more than that many
     * times before it is indexed.
     */
    public void forEachMatch(Chunk chunk, int[] probeKeys, Match match) {
        int size = chunk.size();
        long scan = (long) size * (rows.size() - indexed);
        if (scan > 0 && scannedSinceIndexing + scan > (long) SCAN_FACTOR * (rows.size() - indexed)) {
            indexTail();
        }
        if (indexed > 0) {
            if (matches.length < size) {
                matches = new int[size];
            }
            probeIndexed(chunk, probeKeys, matches);
            for (int row = 0; row < size; row++) {
                for (int m = matches[row]; m >= 0; m = nextMatch(m)) {
                    match.accept(row, m);
                }
            }
        }
        if (indexed < rows.size()) {
            scannedSinceIndexing += (long) size * (rows.size() - indexed);
            scanTail(chunk, probeKeys, match);
        }
    }

    /** Compares each row of {@code chunk} with every unindexed build row. */
    private void scanTail(Chunk chunk, int[] probeKeys, Match match) {
        int size = chunk.size();
        int end = rows.size();
        long[][] stored = longKeyValues(rows.columns(), keys);
        long[][] probe = stored == null ? null : longKeyValues(chunk.columns(), probeKeys);
        if (probe != null) {
            // Keys that are longs without nulls (ids, window bounds) compare as longs, the first key first.
            for (int row = 0; row < size; row++) {
                long first = probe[0][row];
                for (int r = indexed; r < end; r++) {
                    if (stored[0][r] == first && otherKeysEqual(stored, probe, r, row)) {
                        match.accept(row, r);
                    }
                }
            }
            return;
        }
        for (int row = 0; row < size; row++) {
            if (hasExcludedNull(chunk.columns(), probeKeys, row)) {
                continue;
            }
            for (int r = indexed; r < end; r++) {
                if (keysEqual(chunk, probeKeys, row, r)) {
                    match.accept(row, r);
                }
            }
        }
    }

    /** The values of key columns {@code keyIndexes} of {@code columns} if all are longs without nulls, else null. */
    private static long[][] longKeyValues(Vector[] columns, int[] keyIndexes) {
        long[][] values = new long[keyIndexes.length][];
        for (int k = 0; k < keyIndexes.length; k++) {
            if (!(columns[keyIndexes[k]] instanceof LongVector column) || column.mayHaveNulls()) {
                return null;
            }
            values[k] = column.values();
        }
        return values;
    }

    private static boolean otherKeysEqual(long[][] stored, long[][] probe, int storedRow, int probeRow) {
        for (int k = 1; k < stored.length; k++) {
            if (stored[k][storedRow] != probe[k][probeRow]) {
                return false;
            }
        }
        return true;
    }

    private boolean keysEqual(Chunk chunk, int[] probeKeys, int row, int buildRow) {
        for (int k = 0; k < keys.length; k++) {
            Vector built = rows.column(keys[k]);
            if (!nullSafe[k] && built.isNull(buildRow)) {
                return false;
            }
            if (!built.valueEquals(buildRow, chunk.column(probeKeys[k]), row)) {
                return false;
            }
        }
        return true;
    }

    /** True when row {@code row} has a null in a key column that is not null-safe: it matches nothing. */
    private boolean hasExcludedNull(Vector[] columns, int[] keyIndexes, int row) {
        for (int k = 0; k < keyIndexes.length; k++) {
            if (!nullSafe[k] && columns[keyIndexes[k]].isNull(row)) {
                return true;
            }
        }
        return false;
    }

    /** Hashes the rows stored since the last indexing into the table and chains them under their keys. */
    private void indexTail() {
        int end = rows.size();
        Vector[] columns = rows.columns();
        Vector[] keyColumns = new Vector[keys.length];
        for (int k = 0; k < keys.length; k++) {
            keyColumns[k] = columns[keys[k]];
        }
        ensureLinks(table.size() + 1, end);
        for (int row = indexed; row < end; row++) {
            if (hasExcludedNull(columns, keys, row)) {
                continue;
            }
            int hash = 0;
            for (Vector column : keyColumns) {
                hash = 31 * hash + column.hash(row);
            }
            int group = table.findOrInsert(keyColumns, row, hash);
            if (group >= chainHead.length) {
                ensureLinks(group + 1, end);
            }
            int link = row + 1;
            if (chainHead[group] == 0) {
                chainHead[group] = link;
            } else {
                nextInChain[chainTail[group] - 1] = link;
            }
            chainTail[group] = link;
        }
        indexed = end;
        scannedSinceIndexing = 0;
    }

    /**
     * For each row {@code i} of {@code chunk}, the first build row whose key equals the row's columns
     * {@code probeKeys} (same order and physical types as the build keys) into {@code firstMatch[i]}, or -1
     * when there is none. {@code firstMatch} holds at least {@code chunk.size()} ints.
     */
    public void probe(Chunk chunk, int[] probeKeys, int[] firstMatch) {
        if (indexed < rows.size()) {
            indexTail();
        }
        probeIndexed(chunk, probeKeys, firstMatch);
    }

    private void probeIndexed(Chunk chunk, int[] probeKeys, int[] firstMatch) {
        int size = chunk.size();
        Vector[] keyColumns = chunk.columns(probeKeys);
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
