package io.weir.executor.operators.store;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import java.util.List;

/**
 * A growable columnar buffer of rows, for operators that must keep their input (the build side of a join,
 * the rows of a sort). Rows are addressed by index {@code [0, size())}; they are copied in, so the chunks
 * they came from may be dropped. Row kinds are not kept: the operators that buffer are batch operators over
 * insert-only input.
 */
public final class RowStore {

    private final List<DataType> types;
    private final Vector[] columns;
    private int size;

    public RowStore(List<DataType> types) {
        this(types, 64);
    }

    public RowStore(List<DataType> types, int initialCapacity) {
        this.types = List.copyOf(types);
        this.columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(types.get(c), initialCapacity);
        }
    }

    public List<DataType> types() {
        return types;
    }

    public int size() {
        return size;
    }

    /** Column {@code c}; rows {@code [0, size())} are valid. Callers read it, never write it. */
    public Vector column(int c) {
        return columns[c];
    }

    /** The columns themselves, for comparators and hash tables; callers must not modify them. */
    public Vector[] columns() {
        return columns;
    }

    /** Appends every row of {@code chunk} (whose columns have this store's types); returns the first new index. */
    public int append(Chunk chunk) {
        int first = size;
        int count = chunk.size();
        ensureCapacity(size + count);
        for (int c = 0; c < columns.length; c++) {
            columns[c].copyRange(chunk.column(c), 0, first, count);
        }
        size += count;
        return first;
    }

    /** Appends row {@code row} of {@code chunk}; returns its index. */
    public int append(Chunk chunk, int row) {
        ensureCapacity(size + 1);
        set(size, chunk, row);
        return size++;
    }

    /** Overwrites stored row {@code index} with row {@code row} of {@code chunk}. */
    public void set(int index, Chunk chunk, int row) {
        for (int c = 0; c < columns.length; c++) {
            columns[c].copyFrom(chunk.column(c), row, index);
        }
    }

    /** A new chunk of the stored rows {@code rows[0..count)}, in that order. */
    public Chunk gather(int[] rows, int count) {
        Vector[] gathered = new Vector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            gathered[c] = columns[c].gather(rows, count);
        }
        return new Chunk(gathered, count);
    }

    /**
     * The rows stored so far as a chunk over the store's current arrays ({@link Vector#frozenView}), readable from
     * another thread while rows are appended, as long as no stored row is overwritten ({@link #set}).
     */
    public Chunk frozenRows() {
        Vector[] views = new Vector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            views[c] = columns[c].frozenView();
        }
        return new Chunk(views, size);
    }

    private void ensureCapacity(int minCapacity) {
        for (Vector column : columns) {
            column.ensureCapacity(minCapacity);
        }
    }
}
