package io.weir.executor.operators.join;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.PackedStrings;
import io.weir.executor.data.StringVector;

/**
 * Whether the new partitions of one input of a stream join keep their strings packed ({@link PackedStrings}), and
 * which columns. Kept as objects, strings made per row are what the garbage collector spends its time on in a join
 * whose stored rows turn over within seconds (Nexmark q7 stores every bid for ten seconds of event time); packed,
 * they are a few arrays, and a checkpoint copies their bytes. But each pair a packed row takes part in decodes its
 * strings anew, and a string shared from a pool would be copied into every row. So a column is packed only when
 * its strings are mostly distinct objects (judged on the input's first large chunk), and only once the input's stored
 * rows have proved to be read back rarely: the bids of q7 are read back only when they are a window's highest; the
 * auctions of q9 are read back for each of their bids and stay objects.
 */
final class StringPacking {

    /** How many rows of the first chunk of at least a quarter as many {@link #arrived} looks at. */
    private static final int SAMPLE = 256;
    /** How many rows must have arrived before the read-back rate decides. */
    private static final int EVIDENCE = 16 * 1024;
    /** At most one pair per this many arrived rows for packing to pay. */
    private static final int ROWS_PER_READ = 8;

    private final int[] keys;
    private boolean sampled;
    /** The columns to pack, or null when none qualifies (or no chunk has been large enough to tell). */
    private boolean[] columns;
    private long arrivedRows;
    private long readBack;

    /** @param keys the input's key columns, which stay vectors: the join hashes and compares them */
    StringPacking(int[] keys) {
        this.keys = keys.clone();
    }

    /** Counts {@code chunk}'s rows as arrived, and chooses the columns from the first chunk large enough. */
    void arrived(Chunk chunk) {
        if (!sampled && chunk.size() >= SAMPLE / 4) {
            columns = mostlyDistinctColumns(chunk);
            sampled = true;
        }
        arrivedRows += chunk.size();
    }

    /** Counts {@code pairs} pairs in which a stored row of this input was read back. */
    void readBack(long pairs) {
        readBack += pairs;
    }

    /** The columns a new partition keeps packed, or null when it keeps every column as a vector. */
    boolean[] columnsForNewPartition() {
        return columns != null && arrivedRows >= EVIDENCE && readBack * ROWS_PER_READ <= arrivedRows ? columns : null;
    }

    private boolean[] mostlyDistinctColumns(Chunk sample) {
        boolean[] packed = new boolean[sample.columnCount()];
        int rows = Math.min(sample.size(), SAMPLE);
        for (int c = 0; c < packed.length; c++) {
            packed[c] = sample.column(c) instanceof StringVector strings && PackedStrings.mostlyDistinct(strings, rows);
        }
        for (int key : keys) {
            packed[key] = false;
        }
        for (boolean column : packed) {
            if (column) {
                return packed;
            }
        }
        return null;
    }
}
