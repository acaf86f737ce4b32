package io.weir.executor.operators.aggregate;

import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * MIN or MAX over CHAR and VARCHAR values by {@link String#compareTo}. Keeps references to the input's
 * strings (strings are immutable and shared, so nothing is copied).
 */
final class StringMinMaxAccumulator extends Accumulator {

    private final boolean max;
    /** Best value per group; null until the group sees a non-null value. */
    private String[] best = new String[0];

    StringMinMaxAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    public void ensureGroups(int groupCount) {
        best = GroupArrays.ensure(best, groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        String[] values = ((StringVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (nulls != null && nulls[r]) {
                continue;
            }
            int g = groupIds[r];
            String v = values[r];
            String current = best[g];
            if (current == null || (max ? v.compareTo(current) > 0 : v.compareTo(current) < 0)) {
                best[g] = v;
            }
        }
    }

    @Override
    public Vector results(int from, int count) {
        StringVector out = new StringVector(count);
        for (int i = 0; i < count; i++) {
            out.set(i, best[from + i]);
        }
        return out;
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        String[] source = ((StringMinMaxAccumulator) from).best;
        for (int g = 0; g < count; g++) {
            String v = source[g];
            String current = best[targets[g]];
            if (v != null && (current == null || (max ? v.compareTo(current) > 0 : v.compareTo(current) < 0))) {
                best[targets[g]] = v;
            }
        }
    }

    @Override
    public void merge(int target, int source) {
        String v = best[source];
        String current = best[target];
        if (v != null && (current == null || (max ? v.compareTo(current) > 0 : v.compareTo(current) < 0))) {
            best[target] = v;
        }
    }

    @Override
    public void reset(int group) {
        best[group] = null;
    }

    @Override
    public Vector results(int[] groups, int count) {
        StringVector out = new StringVector(count);
        for (int i = 0; i < count; i++) {
            out.set(i, best[groups[i]]);
        }
        return out;
    }

    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeStrings(out, best, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readStrings(in, best, groups, count);
    }
}
