package io.weir.executor.operators.aggregate;

import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** {@code COUNT(*)} (no argument: every row) and {@code COUNT(x)} (rows where x is not null); never null. */
final class CountAccumulator extends Accumulator {

    private long[] counts = new long[0];

    @Override
    public void ensureGroups(int groupCount) {
        counts = GroupArrays.ensure(counts, groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        long[] c = counts;
        if (arg == null || !arg.mayHaveNulls()) {
            for (int i = 0; i < count; i++) {
                c[groupIds[rows[i]]]++;
            }
            return;
        }
        boolean[] nulls = arg.nullMask();
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (!nulls[r]) {
                c[groupIds[r]]++;
            }
        }
    }

    @Override
    public void retract(Vector arg, int[] groupIds, int[] rows, int count) {
        long[] c = counts;
        boolean[] nulls = arg == null || !arg.mayHaveNulls() ? null : arg.nullMask();
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (nulls == null || !nulls[r]) {
                c[groupIds[r]]--;
            }
        }
    }

    @Override
    public Vector results(int from, int count) {
        LongVector out = new LongVector(count);
        System.arraycopy(counts, from, out.values(), 0, count);
        return out;
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        long[] source = ((CountAccumulator) from).counts;
        for (int g = 0; g < count; g++) {
            counts[targets[g]] += source[g];
        }
    }

    @Override
    public void merge(int target, int source) {
        counts[target] += counts[source];
    }

    @Override
    public void reset(int group) {
        counts[group] = 0;
    }

    @Override
    public Vector results(int[] groups, int count) {
        LongVector out = new LongVector(count);
        long[] values = out.values();
        for (int i = 0; i < count; i++) {
            values[i] = counts[groups[i]];
        }
        return out;
    }

    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeLongs(out, counts, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readLongs(in, counts, groups, count);
    }
}
