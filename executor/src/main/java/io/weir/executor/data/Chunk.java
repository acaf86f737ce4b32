package io.weir.executor.data;

import java.util.Arrays;
import java.util.List;

/**
 * The unit that flows between operators: up to {@code chunk.size} rows as one vector per column, plus
 * one {@link RowKind} per row.
 *
 * <p>A chunk is immutable once emitted: receivers may forward it, re-use its vectors in new chunks
 * (projection) or gather from it, but never write into it. The row count is kept apart from the
 * vectors, so a chunk of zero columns still counts rows (as {@code COUNT(*)} needs).
 */
public final class Chunk implements StreamElement {

    private final Vector[] columns;
    private final int size;
    /** One {@link RowKind#code()} per row, or null when every row is an insert (the common case). */
    private final byte[] rowKinds;

    public Chunk(Vector[] columns, int size) {
        this(columns, size, null);
    }

    public Chunk(Vector[] columns, int size, byte[] rowKinds) {
        this.columns = columns;
        this.size = size;
        this.rowKinds = rowKinds;
    }

    public static Chunk empty(List<DataType> types) {
        Vector[] columns = new Vector[types.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = Vector.allocate(types.get(i), 0);
        }
        return new Chunk(columns, 0);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int columnCount() {
        return columns.length;
    }

    public Vector column(int index) {
        return columns[index];
    }

    public LongVector longColumn(int index) {
        return (LongVector) columns[index];
    }

    public DoubleVector doubleColumn(int index) {
        return (DoubleVector) columns[index];
    }

    public BooleanVector booleanColumn(int index) {
        return (BooleanVector) columns[index];
    }

    public StringVector stringColumn(int index) {
        return (StringVector) columns[index];
    }

    /** The columns array itself; callers must not modify it. */
    public Vector[] columns() {
        return columns;
    }

    public RowKind rowKind(int row) {
        return rowKinds == null ? RowKind.INSERT : RowKind.fromCode(rowKinds[row]);
    }

    /** Row kinds as codes, or null when all rows are inserts. */
    public byte[] rowKinds() {
        return rowKinds;
    }

    public boolean isInsertOnly() {
        return rowKinds == null;
    }

    /** The same rows with other columns (e.g. a projection's results); shares the row kinds. */
    public Chunk withColumns(Vector[] newColumns) {
        return new Chunk(newColumns, size, rowKinds);
    }

    /** The same rows restricted to the given columns, without copying. */
    public Chunk project(int[] columnIndexes) {
        return new Chunk(columns(columnIndexes), size, rowKinds);
    }

    /** The columns at {@code columnIndexes}, in that order (e.g. a row's key columns, to hash). */
    public Vector[] columns(int[] columnIndexes) {
        Vector[] selected = new Vector[columnIndexes.length];
        for (int i = 0; i < columnIndexes.length; i++) {
            selected[i] = columns[columnIndexes[i]];
        }
        return selected;
    }

    /** A new chunk of rows {@code positions[0..count)} of this one, in that order. */
    public Chunk select(int[] positions, int count) {
        if (count == size && isIdentity(positions, count)) {
            return this;
        }
        Vector[] gathered = new Vector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            gathered[i] = columns[i].gather(positions, count);
        }
        byte[] kinds = null;
        if (rowKinds != null) {
            kinds = new byte[count];
            for (int i = 0; i < count; i++) {
                kinds[i] = rowKinds[positions[i]];
            }
        }
        return new Chunk(gathered, count, kinds);
    }

    private static boolean isIdentity(int[] positions, int count) {
        for (int i = 0; i < count; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Rows as boxed values, for tests and diagnostics. */
    public Object[] rowObjects(int row) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i].getObject(row);
        }
        return values;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Chunk[").append(size).append(" rows");
        for (int r = 0; r < Math.min(size, 5); r++) {
            sb.append(", ").append(rowKind(r).shortString()).append(Arrays.toString(rowObjects(r)));
        }
        return sb.append(size > 5 ? ", ...]" : "]").toString();
    }
}
