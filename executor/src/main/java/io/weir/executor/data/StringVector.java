package io.weir.executor.data;

import java.util.Arrays;

/**
 * CHAR and VARCHAR values as Java strings.
 *
 * <p>Strings are created once where data enters (a source or a string function) and then shared by
 * reference through every copy and gather, so moving rows allocates nothing per row.
 */
public final class StringVector extends Vector {

    private String[] values;

    public StringVector(int capacity) {
        super(capacity);
        this.values = new String[capacity];
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.STRING;
    }

    public String[] values() {
        return values;
    }

    public String get(int row) {
        return values[row];
    }

    /** Sets the value; a null string marks the row null. */
    public void set(int row, String value) {
        values[row] = value;
        if (value == null) {
            setNull(row);
        } else {
            setNotNull(row);
        }
    }

    @Override
    protected void shareValuesOf(Vector other) {
        values = ((StringVector) other).values;
    }

    @Override
    protected void growValues(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }

    @Override
    public StringVector newEmpty(int capacity) {
        return new StringVector(capacity);
    }

    @Override
    public void copyFrom(Vector src, int srcRow, int dstRow) {
        values[dstRow] = ((StringVector) src).values[srcRow];
        copyNull(src, srcRow, dstRow);
    }

    @Override
    public StringVector gather(int[] positions, int count) {
        StringVector out = new StringVector(count);
        String[] target = out.values;
        for (int i = 0; i < count; i++) {
            target[i] = values[positions[i]];
        }
        gatherNulls(out, positions, count);
        return out;
    }

    @Override
    public void copyRange(Vector src, int srcFrom, int dstFrom, int count) {
        System.arraycopy(((StringVector) src).values, srcFrom, values, dstFrom, count);
        copyNullRange(src, srcFrom, dstFrom, count);
    }

    @Override
    public boolean valueEquals(int row, Vector other, int otherRow) {
        boolean n1 = isNull(row);
        boolean n2 = other.isNull(otherRow);
        if (n1 || n2) {
            return n1 == n2;
        }
        return values[row].equals(((StringVector) other).values[otherRow]);
    }

    @Override
    public int compare(int row, Vector other, int otherRow) {
        return values[row].compareTo(((StringVector) other).values[otherRow]);
    }

    @Override
    public int hash(int row) {
        return isNull(row) ? NULL_HASH : LongVector.mix(values[row].hashCode());
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : values[row];
    }
}
