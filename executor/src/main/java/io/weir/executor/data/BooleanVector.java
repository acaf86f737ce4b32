package io.weir.executor.data;

import java.util.Arrays;

/** BOOLEAN values; a null row is SQL's UNKNOWN. */
public final class BooleanVector extends Vector {

    private boolean[] values;

    public BooleanVector(int capacity) {
        super(capacity);
        this.values = new boolean[capacity];
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.BOOLEAN;
    }

    public boolean[] values() {
        return values;
    }

    public boolean get(int row) {
        return values[row];
    }

    public void set(int row, boolean value) {
        values[row] = value;
    }

    /** True where the row is TRUE (not FALSE, not UNKNOWN): the rule of WHERE, HAVING, ON and FILTER. */
    public boolean isTrue(int row) {
        return values[row] && !isNull(row);
    }

    @Override
    protected void shareValuesOf(Vector other) {
        values = ((BooleanVector) other).values;
    }

    @Override
    protected void growValues(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }

    @Override
    public BooleanVector newEmpty(int capacity) {
        return new BooleanVector(capacity);
    }

    @Override
    public void copyFrom(Vector src, int srcRow, int dstRow) {
        values[dstRow] = ((BooleanVector) src).values[srcRow];
        copyNull(src, srcRow, dstRow);
    }

    @Override
    public BooleanVector gather(int[] positions, int count) {
        BooleanVector out = new BooleanVector(count);
        boolean[] target = out.values;
        for (int i = 0; i < count; i++) {
            target[i] = values[positions[i]];
        }
        gatherNulls(out, positions, count);
        return out;
    }

    @Override
    public void copyRange(Vector src, int srcFrom, int dstFrom, int count) {
        System.arraycopy(((BooleanVector) src).values, srcFrom, values, dstFrom, count);
        copyNullRange(src, srcFrom, dstFrom, count);
    }

    @Override
    public boolean valueEquals(int row, Vector other, int otherRow) {
        boolean n1 = isNull(row);
        boolean n2 = other.isNull(otherRow);
        if (n1 || n2) {
            return n1 == n2;
        }
        return values[row] == ((BooleanVector) other).values[otherRow];
    }

    @Override
    public int compare(int row, Vector other, int otherRow) {
        return Boolean.compare(values[row], ((BooleanVector) other).values[otherRow]);
    }

    @Override
    public int hash(int row) {
        return isNull(row) ? NULL_HASH : (values[row] ? 1231 : 1237);
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : values[row];
    }
}
