package io.weir.executor.operators.aggregate;

import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * EVERY (logical AND, also MIN of BOOLEAN) or SOME (logical OR, also MAX of BOOLEAN) over the non-null
 * values of a group; null when the group has none.
 */
final class BooleanAndOrAccumulator extends Accumulator {

    private final boolean or;
    private boolean[] result = new boolean[0];
    private boolean[] seen = new boolean[0];

    BooleanAndOrAccumulator(boolean or) {
        this.or = or;
    }

    @Override
    public void ensureGroups(int groupCount) {
        result = GroupArrays.ensure(result, groupCount);
        seen = GroupArrays.ensure(seen, groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        boolean[] values = ((BooleanVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (nulls != null && nulls[r]) {
                continue;
            }
            int g = groupIds[r];
            if (!seen[g]) {
                seen[g] = true;
                result[g] = values[r];
            } else {
                result[g] = or ? result[g] | values[r] : result[g] & values[r];
            }
        }
    }

    @Override
    public Vector results(int from, int count) {
        BooleanVector out = new BooleanVector(count);
        System.arraycopy(result, from, out.values(), 0, count);
        for (int i = 0; i < count; i++) {
            if (!seen[from + i]) {
                out.setNull(i);
            }
        }
        return out;
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        BooleanAndOrAccumulator other = (BooleanAndOrAccumulator) from;
        for (int g = 0; g < count; g++) {
            if (!other.seen[g]) {
                continue;
            }
            int target = targets[g];
            if (!seen[target]) {
                seen[target] = true;
                result[target] = other.result[g];
            } else {
                result[target] = or ? result[target] | other.result[g] : result[target] & other.result[g];
            }
        }
    }

    @Override
    public void merge(int target, int source) {
        if (!seen[source]) {
            return;
        }
        if (!seen[target]) {
            seen[target] = true;
            result[target] = result[source];
        } else {
            result[target] = or ? result[target] | result[source] : result[target] & result[source];
        }
    }

    @Override
    public void reset(int group) {
        seen[group] = false;
        result[group] = false;
    }

    @Override
    public Vector results(int[] groups, int count) {
        BooleanVector out = new BooleanVector(count);
        boolean[] values = out.values();
        for (int i = 0; i < count; i++) {
            int g = groups[i];
            values[i] = result[g];
            if (!seen[g]) {
                out.setNull(i);
            }
        }
        return out;
    }

    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeBooleans(out, result, groups, count);
        GroupStateCodec.writeBooleans(out, seen, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readBooleans(in, result, groups, count);
        GroupStateCodec.readBooleans(in, seen, groups, count);
    }
}
