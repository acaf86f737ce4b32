package io.weir.executor.data;

import java.util.Arrays;

/**
 * One column of a {@link Chunk}: a primitive (or string) array plus a null mask.
 *
 * <p>Ownership: a vector is written by the operator that creates it and is read-only once it has been
 * emitted in a chunk; downstream operators may pass it on unchanged but never write to it. Vectors have a
 * capacity, not a size: the chunk that holds them says how many rows are valid.
 *
 * <p>Row-wise methods ({@link #copyFrom}, {@link #valueEquals}, {@link #hash}) exist for hash tables and
 * joins that must address single rows; expression code works on the typed arrays directly.
 */
public abstract sealed class Vector permits LongVector, DoubleVector, BooleanVector, StringVector {

    /** Hash of a null value; any constant works as long as every vector class agrees. */
    protected static final int NULL_HASH = 0x5f3759df;

    protected boolean[] nulls;
    /** False when no row was ever set to null: lets hot loops skip the null mask. */
    protected boolean mayHaveNulls;

    protected Vector(int capacity) {
        this.nulls = new boolean[capacity];
    }

    public static Vector allocate(DataType type, int capacity) {
        return allocate(type.physical(), capacity);
    }

    public static Vector allocate(PhysicalType physical, int capacity) {
        return switch (physical) {
            case LONG -> new LongVector(capacity);
            case DOUBLE -> new DoubleVector(capacity);
            case BOOLEAN -> new BooleanVector(capacity);
            case STRING -> new StringVector(capacity);
        };
    }

    /** A vector of {@code size} rows that are all null. */
    public static Vector allNulls(DataType type, int size) {
        Vector v = allocate(type, size);
        for (int i = 0; i < size; i++) {
            v.setNull(i);
        }
        return v;
    }

    public abstract PhysicalType physicalType();

    public final int capacity() {
        return nulls.length;
    }

    public final boolean isNull(int row) {
        return mayHaveNulls && nulls[row];
    }

    public final void setNull(int row) {
        nulls[row] = true;
        mayHaveNulls = true;
    }

    /** Marks the row as holding a value (only needed when re-using a vector whose row was null). */
    public final void setNotNull(int row) {
        nulls[row] = false;
    }

    public final void setNull(int row, boolean isNull) {
        nulls[row] = isNull;
        if (isNull) {
            mayHaveNulls = true;
        }
    }

    public final boolean mayHaveNulls() {
        return mayHaveNulls;
    }

    /** The null mask itself, for loops; only meaningful where {@link #mayHaveNulls()} is true. */
    public final boolean[] nullMask() {
        return nulls;
    }

    /** Grows the vector so it holds at least {@code minCapacity} rows, keeping its contents. */
    public final void ensureCapacity(int minCapacity) {
        if (minCapacity > nulls.length) {
            int newCapacity = Math.max(minCapacity, nulls.length + (nulls.length >> 1) + 16);
            nulls = Arrays.copyOf(nulls, newCapacity);
            growValues(newCapacity);
        }
    }

    protected abstract void growValues(int newCapacity);

    /**
     * A vector over this one's current arrays, so another thread may read the rows written so far (an asynchronous
     * snapshot): growing this vector moves it to new arrays and leaves these untouched, and writes to later rows do
     * not touch earlier ones. Valid only while nobody overwrites a row the view covers; never write to the view.
     */
    public final Vector frozenView() {
        Vector view = newEmpty(0);
        view.nulls = nulls;
        view.mayHaveNulls = mayHaveNulls;
        view.shareValuesOf(this);
        return view;
    }

    /** Makes this vector use {@code other}'s value array (of the same class). */
    protected abstract void shareValuesOf(Vector other);

    /** A new empty vector of the same class. */
    public abstract Vector newEmpty(int capacity);

    /** Copies row {@code srcRow} of {@code src} (a vector of the same class), value and null flag, to {@code dstRow}. */
    public abstract void copyFrom(Vector src, int srcRow, int dstRow);

    /** A new vector holding rows {@code positions[0..count)} of this one, in that order. */
    public abstract Vector gather(int[] positions, int count);

    /** Copies rows {@code [srcFrom, srcFrom + count)} of {@code src} to {@code [dstFrom, ...)} of this vector. */
    public abstract void copyRange(Vector src, int srcFrom, int dstFrom, int count);

    /** Equality for grouping and joining: two nulls are equal here (callers that need SQL's rule check nulls first). */
    public abstract boolean valueEquals(int row, Vector other, int otherRow);

    /** Orders two non-null values of vectors of the same class. */
    public abstract int compare(int row, Vector other, int otherRow);

    public abstract int hash(int row);

    /**
     * Mixes the hash of rows {@code [0, count)} into {@code hashes}: {@code hashes[i] = 31 * hashes[i] + hash(i)}.
     * Start from zeros and call once per key column.
     */
    public void hashInto(int[] hashes, int count) {
        for (int i = 0; i < count; i++) {
            hashes[i] = 31 * hashes[i] + hash(i);
        }
    }

    /** The value at {@code row} boxed, for tests and diagnostics only (see {@link Values} for SQL-aware conversions). */
    public abstract Object getObject(int row);

    protected final void copyNull(Vector src, int srcRow, int dstRow) {
        boolean isNull = src.isNull(srcRow);
        nulls[dstRow] = isNull;
        if (isNull) {
            mayHaveNulls = true;
        }
    }

    protected final void gatherNulls(Vector target, int[] positions, int count) {
        if (mayHaveNulls) {
            for (int i = 0; i < count; i++) {
                if (nulls[positions[i]]) {
                    target.setNull(i);
                }
            }
        }
    }

    protected final void copyNullRange(Vector src, int srcFrom, int dstFrom, int count) {
        if (src.mayHaveNulls) {
            System.arraycopy(src.nulls, srcFrom, nulls, dstFrom, count);
            mayHaveNulls = true;
        } else if (mayHaveNulls) {
            Arrays.fill(nulls, dstFrom, dstFrom + count, false);
        }
    }
}
