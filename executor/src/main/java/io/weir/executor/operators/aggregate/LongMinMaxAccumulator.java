package io.weir.executor.operators.aggregate;

import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** MIN or MAX over values held as longs (integers, decimals, temporal values); null when none is seen. */
final class LongMinMaxAccumulator extends Accumulator {

    private final boolean max;
    private long[] best = new long[0];
    private boolean[] seen = new boolean[0];

    LongMinMaxAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    public void ensureGroups(int groupCount) {
        best = GroupArrays.ensure(best, groupCount);
        seen = GroupArrays.ensure(seen, groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        long[] values = ((LongVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (nulls != null && nulls[r]) {
                continue;
            }
            int g = groupIds[r];
            long v = values[r];
            if (!seen[g]) {
                seen[g] = true;
                best[g] = v;
            } else if (max ? v > best[g] : v < best[g]) {
                best[g] = v;
            }
        }
    }

    @Override
    public Vector results(int from, int count) {
        LongVector out = new LongVector(count);
        System.arraycopy(best, from, out.values(), 0, count);
        for (int i = 0; i < count; i++) {
            if (!seen[from + i]) {
                out.setNull(i);
            }
        }
        return out;
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        LongMinMaxAccumulator other = (LongMinMaxAccumulator) from;
        for (int g = 0; g < count; g++) {
            if (!other.seen[g]) {
                continue;
            }
            int target = targets[g];
            long v = other.best[g];
            if (!seen[target] || (max ? v > best[target] : v < best[target])) {
                seen[target] = true;
                best[target] = v;
            }
        }
    }

    @Override
    public void merge(int target, int source) {
        if (!seen[source]) {
            return;
        }
        long v = best[source];
        if (!seen[target] || (max ? v > best[target] : v < best[target])) {
            seen[target] = true;
            best[target] = v;
        }
    }

    @Override
    public void reset(int group) {
        seen[group] = false;
        best[group] = 0;
    }

    @Override
    public Vector results(int[] groups, int count) {
        LongVector out = new LongVector(count);
        long[] values = out.values();
        for (int i = 0; i < count; i++) {
            int g = groups[i];
            values[i] = best[g];
            if (!seen[g]) {
                out.setNull(i);
            }
        }
        return out;
    }

    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeLongs(out, best, groups, count);
        GroupStateCodec.writeBooleans(out, seen, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readLongs(in, best, groups, count);
        GroupStateCodec.readBooleans(in, seen, groups, count);
    }
}
