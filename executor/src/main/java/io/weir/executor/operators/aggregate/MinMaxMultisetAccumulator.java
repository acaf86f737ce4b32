package io.weir.executor.operators.aggregate;

import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * MIN or MAX over an updating input: each group keeps every value it holds with how many rows hold it, so that when
 * the current minimum (maximum) is retracted the next one is known. Values are boxed into a sorted map per group;
 * only GROUP BYs over an updating input pay for that (insert-only inputs use the primitive MIN/MAX accumulators).
 * Null arguments are skipped; a group with no value left is null.
 */
final class MinMaxMultisetAccumulator extends Accumulator {

    private final boolean max;
    private final DataType argType;
    private final DataType resultType;
    /** By group id: value -> number of rows holding it (always > 0); null for a group that has none. */
    @SuppressWarnings("unchecked")
    private TreeMap<Object, long[]>[] values = new TreeMap[0];

    MinMaxMultisetAccumulator(boolean max, DataType argType, DataType resultType) {
        this.max = max;
        this.argType = argType;
        this.resultType = resultType;
    }

    @Override
    public void ensureGroups(int groupCount) {
        if (values.length < groupCount) {
            values = Arrays.copyOf(values, GroupArrays.grownLength(values.length, groupCount));
        }
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (!arg.isNull(r)) {
                add(groupIds[r], value(arg, r), 1);
            }
        }
    }

    @Override
    public void retract(Vector arg, int[] groupIds, int[] rows, int count) {
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (!arg.isNull(r)) {
                add(groupIds[r], value(arg, r), -1);
            }
        }
    }

    /** Adds {@code delta} rows of {@code value} to group {@code g}, dropping a value no row holds any more. */
    private void add(int g, Object value, long delta) {
        TreeMap<Object, long[]> group = values[g];
        if (group == null) {
            group = values[g] = new TreeMap<>();
        }
        long[] count = group.computeIfAbsent(value, v -> new long[1]);
        count[0] += delta;
        if (count[0] <= 0) {
            group.remove(value);
        }
    }

    private static Object value(Vector arg, int row) {
        return switch (arg.physicalType()) {
            case LONG -> ((LongVector) arg).get(row);
            case DOUBLE -> ((DoubleVector) arg).get(row);
            case STRING -> ((StringVector) arg).get(row);
            case BOOLEAN -> ((BooleanVector) arg).get(row);
        };
    }

    private static void set(Vector out, int row, Object value) {
        switch (out.physicalType()) {
            case LONG -> ((LongVector) out).set(row, (Long) value);
            case DOUBLE -> ((DoubleVector) out).set(row, (Double) value);
            case STRING -> ((StringVector) out).set(row, (String) value);
            case BOOLEAN -> ((BooleanVector) out).set(row, (Boolean) value);
        }
    }

    private void writeResult(int g, Vector out, int row) {
        TreeMap<Object, long[]> group = values[g];
        if (group == null || group.isEmpty()) {
            out.setNull(row);
        } else {
            set(out, row, max ? group.lastKey() : group.firstKey());
        }
    }

    @Override
    public Vector results(int from, int count) {
        Vector out = Vector.allocate(resultType, count);
        for (int i = 0; i < count; i++) {
            writeResult(from + i, out, i);
        }
        return out;
    }

    @Override
    public Vector results(int[] groups, int count) {
        Vector out = Vector.allocate(resultType, count);
        for (int i = 0; i < count; i++) {
            writeResult(groups[i], out, i);
        }
        return out;
    }

    @Override
    public void merge(int target, int source) {
        TreeMap<Object, long[]> from = values[source];
        if (from != null) {
            from.forEach((value, count) -> add(target, value, count[0]));
        }
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        MinMaxMultisetAccumulator other = (MinMaxMultisetAccumulator) from;
        for (int g = 0; g < count; g++) {
            TreeMap<Object, long[]> source = other.values[g];
            if (source != null) {
                int target = targets[g];
                source.forEach((value, n) -> add(target, value, n[0]));
            }
        }
    }

    @Override
    public void reset(int group) {
        values[group] = null;
    }

    /** Per group: the number of distinct values, then the values as a column and their row counts. */
    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            TreeMap<Object, long[]> group = values[groups[i]];
            int size = group == null ? 0 : group.size();
            ValueCodec.writeVarInt(out, size);
            if (size == 0) {
                continue;
            }
            Vector column = Vector.allocate(argType, size);
            int[] rows = new int[size];
            long[] counts = new long[size];
            int row = 0;
            for (Map.Entry<Object, long[]> entry : group.entrySet()) {
                set(column, row, entry.getKey());
                counts[row] = entry.getValue()[0];
                rows[row] = row;
                row++;
            }
            ValueCodec.writeColumn(out, column, rows, size);
            for (long n : counts) {
                ValueCodec.writeVarLong(out, n);
            }
        }
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int size = ValueCodec.readVarInt(in);
            values[groups[i]] = null;
            if (size == 0) {
                continue;
            }
            Vector column = ValueCodec.readColumn(in, argType, size);
            for (int row = 0; row < size; row++) {
                add(groups[i], value(column, row), ValueCodec.readVarLong(in));
            }
        }
    }
}
