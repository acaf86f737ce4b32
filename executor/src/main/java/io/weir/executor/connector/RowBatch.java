package io.weir.executor.connector;

import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.util.List;

/**
 * The chunk a source reader is filling, row by row, where a row may be abandoned half-written (a CSV or JSON
 * record that turns out to be bad and is skipped).
 *
 * <p>Writers write every column of the row at {@link #row()} through the setters (which keep the null flags
 * right even when the slot held an abandoned row before), then {@link #commitRow()}. {@link #take()} hands the
 * committed rows over as a chunk and starts fresh vectors. Used by one reader thread.
 */
public final class RowBatch {

    private final List<DataType> types;
    private final int capacity;
    private Vector[] columns;
    private int size;

    public RowBatch(List<DataType> types, int capacity) {
        this.types = List.copyOf(types);
        this.capacity = Math.max(1, capacity);
        this.columns = allocate();
    }

    private Vector[] allocate() {
        Vector[] vectors = new Vector[types.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = Vector.allocate(types.get(i), capacity);
        }
        return vectors;
    }

    public DataType type(int column) {
        return types.get(column);
    }

    public int columnCount() {
        return columns.length;
    }

    /** The index of the row being written. */
    public int row() {
        return size;
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

    public void commitRow() {
        size++;
    }

    public void setNull(int column) {
        columns[column].setNull(size);
    }

    public void setLong(int column, long value) {
        LongVector v = (LongVector) columns[column];
        v.setNotNull(size);
        v.set(size, value);
    }

    public void setDouble(int column, double value) {
        DoubleVector v = (DoubleVector) columns[column];
        v.setNotNull(size);
        v.set(size, value);
    }

    public void setBoolean(int column, boolean value) {
        BooleanVector v = (BooleanVector) columns[column];
        v.setNotNull(size);
        v.set(size, value);
    }

    public void setString(int column, String value) {
        ((StringVector) columns[column]).set(size, value);
    }

    /** Parses SQL text into the column; a bad value throws an EXECUTION {@code WeirException} naming it. */
    public void parse(int column, String text) {
        Values.parseInto(types.get(column), columns[column], size, text);
    }

    /** Writes an external Java value (see {@link Values#setExternal}). */
    public void setExternal(int column, Object value) {
        Values.setExternal(types.get(column), columns[column], size, value);
    }

    /** The committed rows as a chunk; the batch starts afresh. */
    public Chunk take() {
        Chunk chunk = new Chunk(columns, size);
        columns = allocate();
        size = 0;
        return chunk;
    }
}
