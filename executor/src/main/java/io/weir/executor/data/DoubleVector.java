package io.weir.executor.data;

import java.util.Arrays;

/** FLOAT and DOUBLE values. */
public final class DoubleVector extends Vector {

    private double[] values;

    public DoubleVector(int capacity) {
        super(capacity);
        this.values = new double[capacity];
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.DOUBLE;
    }

    public double[] values() {
        return values;
    }

    public double get(int row) {
        return values[row];
    }

    public void set(int row, double value) {
        values[row] = value;
    }

    @Override
    protected void shareValuesOf(Vector other) {
        values = ((DoubleVector) other).values;
    }

    @Override
    protected void growValues(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }

    @Override
    public DoubleVector newEmpty(int capacity) {
        return new DoubleVector(capacity);
    }

    @Override
    public void copyFrom(Vector src, int srcRow, int dstRow) {
        values[dstRow] = ((DoubleVector) src).values[srcRow];
        copyNull(src, srcRow, dstRow);
    }

    @Override
    public DoubleVector gather(int[] positions, int count) {
        DoubleVector out = new DoubleVector(count);
        double[] target = out.values;
        for (int i = 0; i < count; i++) {
            target[i] = values[positions[i]];
        }
        gatherNulls(out, positions, count);
        return out;
    }

    @Override
    public void copyRange(Vector src, int srcFrom, int dstFrom, int count) {
        System.arraycopy(((DoubleVector) src).values, srcFrom, values, dstFrom, count);
        copyNullRange(src, srcFrom, dstFrom, count);
    }

    /** SQL equality, except that NaN equals NaN so it forms one group; -0.0 equals 0.0. */
    @Override
    public boolean valueEquals(int row, Vector other, int otherRow) {
        boolean n1 = isNull(row);
        boolean n2 = other.isNull(otherRow);
        if (n1 || n2) {
            return n1 == n2;
        }
        double a = values[row];
        double b = ((DoubleVector) other).values[otherRow];
        return a == b || (a != a && b != b);
    }

    @Override
    public int compare(int row, Vector other, int otherRow) {
        double a = values[row];
        double b = ((DoubleVector) other).values[otherRow];
        return a == b ? 0 : Double.compare(a, b);
    }

    @Override
    public int hash(int row) {
        if (isNull(row)) {
            return NULL_HASH;
        }
        double v = values[row];
        // 0.0 and -0.0 are equal, so they must hash alike.
        return LongVector.mix(v == 0.0 ? 0L : Double.doubleToLongBits(v));
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : values[row];
    }
}
