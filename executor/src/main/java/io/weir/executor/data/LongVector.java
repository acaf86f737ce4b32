package io.weir.executor.data;

import java.util.Arrays;

/** Integers, DECIMAL as unscaled longs, dates, times, timestamps and intervals (see {@link TypeKind}). */
public final class LongVector extends Vector {

    private long[] values;

    public LongVector(int capacity) {
        super(capacity);
        this.values = new long[capacity];
    }

    /** Wraps {@code values} without copying; the caller hands ownership over. */
    public static LongVector wrap(long[] values) {
        LongVector v = new LongVector(0);
        v.values = values;
        v.nulls = new boolean[values.length];
        return v;
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    public long[] values() {
        return values;
    }

    public long get(int row) {
        return values[row];
    }

    public void set(int row, long value) {
        values[row] = value;
    }

    @Override
    protected void shareValuesOf(Vector other) {
        values = ((LongVector) other).values;
    }

    @Override
    protected void growValues(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }

    @Override
    public LongVector newEmpty(int capacity) {
        return new LongVector(capacity);
    }

    @Override
    public void copyFrom(Vector src, int srcRow, int dstRow) {
        values[dstRow] = ((LongVector) src).values[srcRow];
        copyNull(src, srcRow, dstRow);
    }

    @Override
    public LongVector gather(int[] positions, int count) {
        LongVector out = new LongVector(count);
        long[] target = out.values;
        for (int i = 0; i < count; i++) {
            target[i] = values[positions[i]];
        }
        gatherNulls(out, positions, count);
        return out;
    }

    @Override
    public void copyRange(Vector src, int srcFrom, int dstFrom, int count) {
        System.arraycopy(((LongVector) src).values, srcFrom, values, dstFrom, count);
        copyNullRange(src, srcFrom, dstFrom, count);
    }

    @Override
    public boolean valueEquals(int row, Vector other, int otherRow) {
        boolean n1 = isNull(row);
        boolean n2 = other.isNull(otherRow);
        if (n1 || n2) {
            return n1 == n2;
        }
        return values[row] == ((LongVector) other).values[otherRow];
    }

    @Override
    public int compare(int row, Vector other, int otherRow) {
        return Long.compare(values[row], ((LongVector) other).values[otherRow]);
    }

    @Override
    public int hash(int row) {
        return isNull(row) ? NULL_HASH : mix(values[row]);
    }

    static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : values[row];
    }
}
