package io.weir.executor.runtime;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Vector;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Gathers small chunks bound for one destination into chunks of up to {@code chunkSize} rows, so that hash
 * splitting (which cuts every chunk into one piece per consumer) does not flood channels with tiny chunks.
 *
 * <p>Chunks of at least half the target size pass through untouched (after whatever is buffered, to keep
 * order): copying them would cost more than the channel hop it saves. Buffered rows leave when the buffer is
 * full or when the owner calls {@link #flush()} (before a control element, at end of input, on the flush
 * interval). Used by one task thread only.
 */
final class ChunkCoalescer {

    private final int chunkSize;
    private final int passThroughSize;
    private final Consumer<Chunk> downstream;
    /** The buffer's columns, allocated on the first buffered row after each flush (a flushed chunk is never written again). */
    private Vector[] columns;
    /** Row kinds of the buffered rows, or null while every buffered row is an insert. */
    private byte[] rowKinds;
    private int size;

    ChunkCoalescer(int chunkSize, Consumer<Chunk> downstream) {
        this.chunkSize = chunkSize;
        this.passThroughSize = Math.max(1, chunkSize / 2);
        this.downstream = downstream;
    }

    void add(Chunk chunk) {
        int rows = chunk.size();
        if (rows == 0) {
            return;
        }
        if (rows >= passThroughSize) {
            flush();
            downstream.accept(chunk);
            return;
        }
        int from = 0;
        while (from < rows) {
            if (columns == null) {
                allocate(chunk);
            }
            int count = Math.min(rows - from, chunkSize - size);
            append(chunk, from, count);
            from += count;
            if (size == chunkSize) {
                flush();
            }
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Sends the buffered rows, if any, as one chunk. */
    void flush() {
        if (size == 0) {
            return;
        }
        Chunk chunk = new Chunk(columns, size, rowKinds);
        columns = null;
        rowKinds = null;
        size = 0;
        downstream.accept(chunk);
    }

    private void allocate(Chunk like) {
        columns = new Vector[like.columnCount()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = like.column(c).newEmpty(chunkSize);
        }
    }

    private void append(Chunk chunk, int from, int count) {
        for (int c = 0; c < columns.length; c++) {
            columns[c].copyRange(chunk.column(c), from, size, count);
        }
        byte[] kinds = chunk.rowKinds();
        if (kinds != null) {
            if (rowKinds == null) {
                // Rows buffered so far were all inserts; code 0 is the insert code, so a fresh array already says so.
                rowKinds = new byte[chunkSize];
            }
            System.arraycopy(kinds, from, rowKinds, size, count);
        } else if (rowKinds != null) {
            Arrays.fill(rowKinds, size, size + count, RowKind.INSERT.code());
        }
        size += count;
    }
}
