package io.weir.server.result;

import io.weir.executor.data.Chunk;

/** Rows {@code [from, to)} of an (immutable) chunk: lets pages split chunks without copying them. */
public record RowSlice(Chunk chunk, int from, int to) {

    public RowSlice {
        if (from < 0 || to < from || to > chunk.size()) {
            throw new IllegalArgumentException("Bad slice [" + from + ", " + to + ") of " + chunk.size() + " rows");
        }
    }

    public static RowSlice of(Chunk chunk) {
        return new RowSlice(chunk, 0, chunk.size());
    }

    public int size() {
        return to - from;
    }

    /** The first {@code rows} rows of this slice. */
    RowSlice head(int rows) {
        return new RowSlice(chunk, from, from + rows);
    }

    /** This slice without its first {@code rows} rows. */
    RowSlice dropHead(int rows) {
        return new RowSlice(chunk, from + rows, to);
    }
}
