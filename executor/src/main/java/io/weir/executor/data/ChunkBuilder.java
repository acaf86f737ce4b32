package io.weir.executor.data;

import java.util.List;

/**
 * Builds chunks a row at a time for operators whose output does not line up with their input
 * (joins, aggregates, sources). Writers fill {@link #column(int)} at the row {@link #addRow()} returns.
 * {@link #build()} hands the vectors over and starts fresh ones, so a built chunk is never written again.
 */
public final class ChunkBuilder {

    private final List<DataType> types;
    private final int capacity;
    private Vector[] columns;
    private byte[] rowKinds;
    private int size;

    public ChunkBuilder(List<DataType> types, int capacity) {
        this.types = List.copyOf(types);
        this.capacity = capacity;
        this.columns = allocate();
    }

    private Vector[] allocate() {
        Vector[] vectors = new Vector[types.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = Vector.allocate(types.get(i), capacity);
        }
        return vectors;
    }

    public List<DataType> types() {
        return types;
    }

    public Vector column(int index) {
        return columns[index];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size >= capacity;
    }

    /** Reserves the next row and returns its index; the caller writes every column at that index. */
    public int addRow() {
        return size++;
    }

    /** Reserves the next row with the given kind. */
    public int addRow(RowKind kind) {
        if (kind != RowKind.INSERT && rowKinds == null) {
            rowKinds = new byte[capacity];
        }
        if (rowKinds != null) {
            rowKinds[size] = kind.code();
        }
        return size++;
    }

    /** Appends row {@code row} of {@code chunk} (same column types), keeping its row kind. */
    public void appendRow(Chunk chunk, int row) {
        int target = addRow(chunk.rowKind(row));
        for (int c = 0; c < columns.length; c++) {
            columns[c].copyFrom(chunk.column(c), row, target);
        }
    }

    /** Hands over the rows written so far as a chunk and starts afresh. */
    public Chunk build() {
        Chunk chunk = new Chunk(columns, size, rowKinds);
        columns = allocate();
        rowKinds = null;
        size = 0;
        return chunk;
    }
}
