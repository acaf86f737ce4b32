package io.weir.executor.runtime;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.data.Chunk;
import java.util.Arrays;

/**
 * Routes each row to the consumer subtask that owns its key's key group (see {@link KeyGroups}), so equal keys
 * always meet in one subtask. A chunk is split with {@link Chunk#select} into one piece per consumer, and each
 * consumer's pieces are coalesced before they enter its channel.
 */
final class HashEdgeWriter extends EdgeWriter {

    private final int[] keys;
    private final ChunkCoalescer[] coalescers;
    /** Per-chunk scratch, grown as needed and reused: row hashes, then per consumer the rows it gets. */
    private int[] hashes = new int[0];
    private final int[][] positions;
    private final int[] counts;

    HashEdgeWriter(Channel[] channels, int[] keys, int chunkSize) {
        super(channels);
        this.keys = keys.clone();
        this.coalescers = new ChunkCoalescer[channels.length];
        this.positions = new int[channels.length][0];
        this.counts = new int[channels.length];
        for (int i = 0; i < channels.length; i++) {
            Channel channel = channels[i];
            coalescers[i] = new ChunkCoalescer(chunkSize, channel::put);
        }
    }

    @Override
    void emit(Chunk chunk) {
        int rows = chunk.size();
        if (rows == 0) {
            return;
        }
        computeHashes(chunk, rows);
        assignRows(rows);
        for (int target = 0; target < coalescers.length; target++) {
            if (counts[target] > 0) {
                coalescers[target].add(chunk.select(positions[target], counts[target]));
            }
        }
    }

    private void computeHashes(Chunk chunk, int rows) {
        if (hashes.length < rows) {
            hashes = new int[rows];
        } else {
            Arrays.fill(hashes, 0, rows, 0);
        }
        for (int key : keys) {
            chunk.column(key).hashInto(hashes, rows);
        }
    }

    private void assignRows(int rows) {
        int parallelism = coalescers.length;
        Arrays.fill(counts, 0);
        for (int target = 0; target < parallelism; target++) {
            if (positions[target].length < rows) {
                positions[target] = new int[rows];
            }
        }
        for (int row = 0; row < rows; row++) {
            int target = KeyGroups.subtaskForHash(hashes[row], parallelism);
            positions[target][counts[target]++] = row;
        }
    }

    @Override
    void flush() {
        for (ChunkCoalescer coalescer : coalescers) {
            coalescer.flush();
        }
    }

    @Override
    boolean hasBuffered() {
        for (ChunkCoalescer coalescer : coalescers) {
            if (!coalescer.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
