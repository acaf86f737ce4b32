package io.weir.executor.operators.store;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.PackedStrings;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.List;

/**
 * A growable columnar buffer of rows, for operators that must keep their input (the build side of a join,
 * the rows of a sort). Rows are addressed by index {@code [0, size())}; they are copied in, so the chunks
 * they came from may be dropped. Row kinds are not kept: the operators that buffer are batch operators over
 * insert-only input.
 *
 * <p>A store {@link #withPackedStrings} keeps the string columns it is given as {@link PackedStrings}: such a store
 * only appends, and its packed columns are read through {@link #gather} and {@link #gatherColumn}, not
 * {@link #column}.
 */
public final class RowStore {

    private final List<DataType> types;
    /** The columns as vectors; null where {@link #packed} holds the column instead. */
    private final Vector[] columns;
    /** Null, or per column its packed strings (null for the columns that are vectors). */
    private final PackedStrings[] packed;
    private int size;

    public RowStore(List<DataType> types) {
        this(types, 64);
    }

    public RowStore(List<DataType> types, int initialCapacity) {
        this(types, initialCapacity, null);
    }

    private RowStore(List<DataType> types, int initialCapacity, PackedStrings[] packed) {
        this.types = List.copyOf(types);
        this.columns = new Vector[types.size()];
        this.packed = packed;
        for (int c = 0; c < columns.length; c++) {
            if (packed == null || packed[c] == null) {
                columns[c] = Vector.allocate(types.get(c), initialCapacity);
            }
        }
    }

    /**
     * A store for rows kept while they turn over quickly (a stream join's stored side) whose string columns
     * {@code packedColumns[c]} are kept as {@link PackedStrings}.
     */
    public static RowStore withPackedStrings(List<DataType> types, int initialCapacity, boolean[] packedColumns) {
        PackedStrings[] packed = new PackedStrings[types.size()];
        for (int c = 0; c < packed.length; c++) {
            if (packedColumns[c]) {
                packed[c] = new PackedStrings(initialCapacity);
            }
        }
        return new RowStore(types, initialCapacity, packed);
    }

    public List<DataType> types() {
        return types;
    }

    public int size() {
        return size;
    }

    /** Column {@code c}, which is not packed; rows {@code [0, size())} are valid. Callers read it, never write it. */
    public Vector column(int c) {
        if (columns[c] == null) {
            throw new IllegalStateException("Column " + c + " is packed: read it with gatherColumn");
        }
        return columns[c];
    }

    /**
     * The columns themselves, for comparators and hash tables (null for packed ones); callers must not modify them.
     */
    public Vector[] columns() {
        return columns;
    }

    /** Column {@code c} of the stored rows {@code rows[0..count)}, in that order, as a new vector. */
    public Vector gatherColumn(int c, int[] rows, int count) {
        return columns[c] != null ? columns[c].gather(rows, count) : packed[c].gather(rows, count);
    }

    /** Appends every row of {@code chunk} (whose columns have this store's types); returns the first new index. */
    public int append(Chunk chunk) {
        int first = size;
        int count = chunk.size();
        ensureCapacity(size + count);
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                columns[c].copyRange(chunk.column(c), 0, first, count);
            } else {
                packed[c].append((StringVector) chunk.column(c), 0, count);
            }
        }
        size += count;
        return first;
    }

    /** Appends row {@code row} of {@code chunk}; returns its index. Not in a store of packed strings. */
    public int append(Chunk chunk, int row) {
        ensureCapacity(size + 1);
        set(size, chunk, row);
        return size++;
    }

    /** Overwrites stored row {@code index} with row {@code row} of {@code chunk}; not in a store of packed strings. */
    public void set(int index, Chunk chunk, int row) {
        if (packed != null) {
            throw new IllegalStateException("A store with packed strings only appends whole chunks");
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c].copyFrom(chunk.column(c), row, index);
        }
    }

    /** A new chunk of the stored rows {@code rows[0..count)}, in that order. */
    public Chunk gather(int[] rows, int count) {
        Vector[] gathered = new Vector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            gathered[c] = gatherColumn(c, rows, count);
        }
        return new Chunk(gathered, count);
    }

    /**
     * The rows stored so far, over the store's current arrays ({@link Vector#frozenView},
     * {@link PackedStrings#frozenView}), readable from another thread while rows are appended, as long as no stored
     * row is overwritten ({@link #set}).
     */
    public FrozenRows frozenRows() {
        Vector[] views = new Vector[columns.length];
        PackedStrings[] packedViews = new PackedStrings[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                views[c] = columns[c].frozenView();
            } else {
                packedViews[c] = packed[c].frozenView();
            }
        }
        return new FrozenRows(size, views, packedViews);
    }

    /**
     * Rows of a store as {@link #frozenRows} captured them: {@code size} rows, per column either a vector or (in a
     * store with packed strings) packed strings, the other null.
     */
    public record FrozenRows(int size, Vector[] columns, PackedStrings[] packed) {
    }

    private void ensureCapacity(int minCapacity) {
        for (Vector column : columns) {
            if (column != null) {
                column.ensureCapacity(minCapacity);
            }
        }
    }
}
