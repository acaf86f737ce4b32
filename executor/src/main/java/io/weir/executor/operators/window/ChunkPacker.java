package io.weir.executor.operators.window;

import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import java.util.List;

/**
 * Packs result rows produced in pieces (the groups of one window, then of the next) into chunks of
 * {@code chunkSize} rows, so that many small windows firing together do not flood downstream with tiny chunks.
 * A piece that fills a whole chunk on its own is emitted as it is, without copying.
 */
final class ChunkPacker {

    private final List<DataType> types;
    private final int chunkSize;
    private Vector[] current;
    private int size;

    ChunkPacker(List<DataType> types, int chunkSize) {
        this.types = List.copyOf(types);
        this.chunkSize = chunkSize;
    }

    /** How many rows the next piece may hold at most. */
    int room() {
        return chunkSize - size;
    }

    /** Adds rows {@code [0, count)} of {@code columns} ({@code count <= room()}); emits the chunk once it is full. */
    void add(Vector[] columns, int count, Output out) {
        if (count == 0) {
            return;
        }
        if (size == 0 && count == chunkSize) {
            out.emit(new Chunk(columns, count));
            return;
        }
        if (current == null) {
            current = new Vector[types.size()];
            for (int c = 0; c < current.length; c++) {
                current[c] = Vector.allocate(types.get(c), chunkSize);
            }
        }
        for (int c = 0; c < current.length; c++) {
            current[c].copyRange(columns[c], 0, size, count);
        }
        size += count;
        if (size == chunkSize) {
            flush(out);
        }
    }

    /** Emits the rows added so far, if any. */
    void flush(Output out) {
        if (size > 0) {
            out.emit(new Chunk(current, size));
            current = null;
            size = 0;
        }
    }
}
