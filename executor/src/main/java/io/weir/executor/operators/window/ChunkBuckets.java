package io.weir.executor.operators.window;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;
import java.util.Arrays;

/**
 * The windows (or slices) the rows of one chunk fall into, each with its groups: rows are routed to a bucket as the
 * operator finds their window, then each bucket accumulates its rows in one call. A chunk touches few windows (one
 * for TUMBLE, size/slide for HOP), so buckets are found by a scan from the last one used rather than by hashing.
 * Used by the task thread only; reused for every chunk.
 */
final class ChunkBuckets {

    private long[] ends = new long[8];
    private WindowGroups[] groups = new WindowGroups[8];
    private int[] counts = new int[8];
    private int size;
    private int last = -1;
    /** The routed rows and their buckets, in routing order. */
    private int[] rows = new int[0];
    private int[] bucketOfRow = new int[0];
    private int routed;
    private int[] byBucket = new int[0];
    private int[] selection = new int[0];
    /** The group of each routed row, by row. */
    private int[] groupIds = new int[0];

    /** Forgets the previous chunk's buckets; the next chunk has at most {@code chunkSize} rows. */
    void start(int chunkSize) {
        if (rows.length < chunkSize) {
            rows = new int[chunkSize];
            bucketOfRow = new int[chunkSize];
            byBucket = new int[chunkSize];
            selection = new int[chunkSize];
            groupIds = new int[chunkSize];
        }
        size = 0;
        last = -1;
        routed = 0;
    }

    /** The bucket of the window ending at {@code end} in this chunk, or -1 when no row went there yet. */
    int find(long end) {
        if (last >= 0 && ends[last] == end) {
            return last;
        }
        for (int b = 0; b < size; b++) {
            if (ends[b] == end) {
                return b;
            }
        }
        return -1;
    }

    /** Adds the bucket of the window ending at {@code end}, whose state is {@code window}; returns it. */
    int open(long end, WindowGroups window) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            groups = Arrays.copyOf(groups, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        ends[size] = end;
        groups[size] = window;
        counts[size] = 0;
        return size++;
    }

    /** Row {@code row} of the chunk goes to {@code bucket}. */
    void route(int row, int bucket) {
        rows[routed] = row;
        bucketOfRow[routed++] = bucket;
        counts[bucket]++;
        last = bucket;
    }

    /**
     * Accumulates every bucket's rows into its window: each row into the group of its key in {@code keys} (whose
     * hashes {@code hashes} holds), created if new.
     */
    void accumulate(Chunk chunk, Vector[] keys, int[] hashes) {
        int[] next = new int[size + 1];
        for (int b = 0; b < size; b++) {
            next[b + 1] = next[b] + counts[b];
        }
        int[] offsets = next.clone();
        for (int i = 0; i < routed; i++) {
            byBucket[next[bucketOfRow[i]]++] = rows[i];
        }
        for (int b = 0; b < size; b++) {
            System.arraycopy(byBucket, offsets[b], selection, 0, counts[b]);
            groups[b].accumulate(chunk, keys, hashes, groupIds, selection, counts[b]);
            groups[b] = null;
        }
    }
}
