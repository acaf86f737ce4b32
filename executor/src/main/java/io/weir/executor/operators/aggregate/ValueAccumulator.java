package io.weir.executor.operators.aggregate;

import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * ANY_VALUE (the first non-null value of the group) and SINGLE_VALUE (the group's only value, null
 * included; a second row fails the query, as a scalar sub-query that returns several rows must).
 * Values are kept in a growable vector of the argument's type, so every physical type is handled alike.
 */
final class ValueAccumulator extends Accumulator {

    private final boolean single;
    private final DataType argType;
    private final Vector values;
    /** ANY_VALUE: a non-null value was taken. SINGLE_VALUE: a row was seen. */
    private boolean[] taken = new boolean[0];

    ValueAccumulator(boolean single, DataType argType) {
        this.single = single;
        this.argType = argType;
        this.values = Vector.allocate(argType, 16);
    }

    @Override
    public void ensureGroups(int groupCount) {
        taken = GroupArrays.ensure(taken, groupCount);
        values.ensureCapacity(groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            int g = groupIds[r];
            if (single) {
                if (taken[g]) {
                    throw WeirException.execution("Scalar sub-query returned more than one row");
                }
            } else if (taken[g] || arg.isNull(r)) {
                continue;
            }
            taken[g] = true;
            values.copyFrom(arg, r, g);
        }
    }

    @Override
    public Vector results(int from, int count) {
        Vector out = values.newEmpty(count);
        out.copyRange(values, from, 0, count);
        for (int i = 0; i < count; i++) {
            if (!taken[from + i]) {
                out.setNull(i);
            }
        }
        return out;
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        ValueAccumulator other = (ValueAccumulator) from;
        for (int g = 0; g < count; g++) {
            if (!other.taken[g]) {
                continue;
            }
            int target = targets[g];
            if (taken[target]) {
                if (single) {
                    throw WeirException.execution("Scalar sub-query returned more than one row");
                }
                continue;
            }
            taken[target] = true;
            values.copyFrom(other.values, g, target);
        }
    }

    @Override
    public void merge(int target, int source) {
        if (!taken[source]) {
            return;
        }
        if (taken[target]) {
            if (single) {
                throw WeirException.execution("Scalar sub-query returned more than one row");
            }
            return;
        }
        taken[target] = true;
        values.copyFrom(values, source, target);
    }

    @Override
    public void reset(int group) {
        taken[group] = false;
    }

    @Override
    public Vector results(int[] groups, int count) {
        Vector out = values.gather(groups, count);
        for (int i = 0; i < count; i++) {
            if (!taken[groups[i]]) {
                out.setNull(i);
            }
        }
        return out;
    }

    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeBooleans(out, taken, groups, count);
        ValueCodec.writeColumn(out, values, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readBooleans(in, taken, groups, count);
        Vector read = ValueCodec.readColumn(in, argType, count);
        for (int i = 0; i < count; i++) {
            values.copyFrom(read, i, groups[i]);
        }
    }
}
