package io.weir.executor.operators.aggregate;

import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** MIN or MAX over FLOAT and DOUBLE values, ordered as {@link Double#compare} (NaN above everything). */
final class DoubleMinMaxAccumulator extends Accumulator {

    private final boolean max;
    private double[] best = new double[0];
    private boolean[] seen = new boolean[0];

    DoubleMinMaxAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    public void ensureGroups(int groupCount) {
        best = GroupArrays.ensure(best, groupCount);
        seen = GroupArrays.ensure(seen, groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        double[] values = ((DoubleVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (nulls != null && nulls[r]) {
                continue;
            }
            int g = groupIds[r];
            double v = values[r];
            if (!seen[g]) {
                seen[g] = true;
                best[g] = v;
            } else {
                int cmp = Double.compare(v, best[g]);
                if (max ? cmp > 0 : cmp < 0) {
                    best[g] = v;
                }
            }
        }
    }

    @Override
    public Vector results(int from, int count) {
        DoubleVector out = new DoubleVector(count);
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
        DoubleMinMaxAccumulator other = (DoubleMinMaxAccumulator) from;
        for (int g = 0; g < count; g++) {
            if (!other.seen[g]) {
                continue;
            }
            int target = targets[g];
            double v = other.best[g];
            int cmp = seen[target] ? Double.compare(v, best[target]) : 0;
            if (!seen[target] || (max ? cmp > 0 : cmp < 0)) {
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
        double v = best[source];
        int cmp = seen[target] ? Double.compare(v, best[target]) : 0;
        if (!seen[target] || (max ? cmp > 0 : cmp < 0)) {
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
        DoubleVector out = new DoubleVector(count);
        double[] values = out.values();
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
        GroupStateCodec.writeDoubles(out, best, groups, count);
        GroupStateCodec.writeBooleans(out, seen, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readDoubles(in, best, groups, count);
        GroupStateCodec.readBooleans(in, seen, groups, count);
    }
}
