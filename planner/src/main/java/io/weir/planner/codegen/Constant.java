package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.util.Arrays;

/**
 * A value known at compile time (a literal, or a call folded over literals). Parents look for constants to
 * pick scalar fast paths ({@code column * 0.908}), so the value is rarely materialized; when it is, the
 * filled vector is built once and shared, which the read-only contract of emitted vectors allows.
 */
final class Constant implements ScalarEvaluator {

    /** Rows materialized at least, so that chunks of the usual size share one vector. */
    private static final int MIN_MATERIALIZED = 1024;

    private final DataType type;
    private final boolean isNull;
    private final long longValue;
    private final double doubleValue;
    private final String stringValue;
    /** Lazily filled; a racing second fill is harmless (both vectors hold the same values). */
    private volatile Vector materialized;

    private Constant(DataType type, boolean isNull, long longValue, double doubleValue, String stringValue) {
        this.type = type;
        this.isNull = isNull;
        this.longValue = longValue;
        this.doubleValue = doubleValue;
        this.stringValue = stringValue;
    }

    static Constant nullOf(DataType type) {
        return new Constant(type, true, 0, 0, null);
    }

    static Constant ofLong(DataType type, long value) {
        return new Constant(type, false, value, 0, null);
    }

    static Constant ofDouble(DataType type, double value) {
        return new Constant(type, false, 0, value, null);
    }

    static Constant ofBoolean(DataType type, boolean value) {
        return new Constant(type, false, value ? 1 : 0, 0, null);
    }

    static Constant ofString(DataType type, String value) {
        return value == null ? nullOf(type) : new Constant(type, false, 0, 0, value);
    }

    /** The value at {@code row} of a vector of the given type. */
    static Constant fromVector(DataType type, Vector vector, int row) {
        if (vector.isNull(row)) {
            return nullOf(type);
        }
        return switch (type.physical()) {
            case LONG -> ofLong(type, ((LongVector) vector).get(row));
            case DOUBLE -> ofDouble(type, ((DoubleVector) vector).get(row));
            case BOOLEAN -> ofBoolean(type, ((BooleanVector) vector).get(row));
            case STRING -> ofString(type, ((StringVector) vector).get(row));
        };
    }

    boolean isNull() {
        return isNull;
    }

    long longValue() {
        return longValue;
    }

    double doubleValue() {
        return doubleValue;
    }

    boolean booleanValue() {
        return longValue != 0;
    }

    String stringValue() {
        return stringValue;
    }

    /** The same value reported with another type of the same representation. */
    Constant withType(DataType newType) {
        return new Constant(newType, isNull, longValue, doubleValue, stringValue);
    }

    @Override
    public Vector evaluate(Chunk input) {
        Vector v = materialized;
        if (v == null || v.capacity() < input.size()) {
            v = fill(Math.max(input.size(), MIN_MATERIALIZED));
            materialized = v;
        }
        return v;
    }

    private Vector fill(int rows) {
        Vector v = Vector.allocate(type, rows);
        if (isNull) {
            for (int i = 0; i < rows; i++) {
                v.setNull(i);
            }
            return v;
        }
        switch (type.physical()) {
            case LONG -> Arrays.fill(((LongVector) v).values(), longValue);
            case DOUBLE -> Arrays.fill(((DoubleVector) v).values(), doubleValue);
            case BOOLEAN -> Arrays.fill(((BooleanVector) v).values(), booleanValue());
            case STRING -> Arrays.fill(((StringVector) v).values(), stringValue);
        }
        return v;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public String toString() {
        if (isNull) {
            return "NULL:" + type;
        }
        Vector one = fill(1);
        return Values.format(type, one, 0) + ":" + type;
    }
}
