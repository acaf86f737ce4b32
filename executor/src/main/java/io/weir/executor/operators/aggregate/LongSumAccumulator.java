package io.weir.executor.operators.aggregate;

import io.weir.executor.api.AggregateKind;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * SUM, SUM0 and AVG over arguments held as longs (integers, DECIMAL as unscaled longs, intervals). Sums are
 * exact: an overflow fails the query rather than wrapping around silently.
 */
final class LongSumAccumulator extends Accumulator {

    private final AggregateKind kind;
    private final int argScale;
    private final DataType resultType;
    private final String function;
    private long[] sums = new long[0];
    /** Non-null values per group: AVG's divisor, and whether SUM has seen anything (else it is null). */
    private long[] counts = new long[0];

    LongSumAccumulator(AggregateKind kind, DataType argType, DataType resultType) {
        this.kind = kind;
        this.argScale = argType.decimalScale();
        this.resultType = resultType;
        this.function = kind == AggregateKind.AVG ? "AVG" : "SUM";
    }

    @Override
    public void ensureGroups(int groupCount) {
        sums = GroupArrays.ensure(sums, groupCount);
        counts = GroupArrays.ensure(counts, groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        long[] values = ((LongVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        long[] s = sums;
        long[] c = counts;
        try {
            for (int i = 0; i < count; i++) {
                int r = rows[i];
                if (nulls == null || !nulls[r]) {
                    int g = groupIds[r];
                    s[g] = Math.addExact(s[g], values[r]);
                    c[g]++;
                }
            }
        } catch (ArithmeticException e) {
            throw NumericResults.overflow(function);
        }
    }

    @Override
    public void retract(Vector arg, int[] groupIds, int[] rows, int count) {
        long[] values = ((LongVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        long[] s = sums;
        long[] c = counts;
        try {
            for (int i = 0; i < count; i++) {
                int r = rows[i];
                if (nulls == null || !nulls[r]) {
                    int g = groupIds[r];
                    s[g] = Math.subtractExact(s[g], values[r]);
                    c[g]--;
                }
            }
        } catch (ArithmeticException e) {
            throw NumericResults.overflow(function);
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

    private void writeResult(int g, Vector out, int row) {
        if (kind == AggregateKind.AVG) {
            if (counts[g] == 0) {
                out.setNull(row);
            } else {
                NumericResults.writeAverage(sums[g], argScale, counts[g], resultType, out, row);
            }
        } else if (counts[g] == 0 && kind == AggregateKind.SUM) {
            out.setNull(row);
        } else {
            NumericResults.writeLong(sums[g], argScale, resultType, out, row, function);
        }
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        LongSumAccumulator other = (LongSumAccumulator) from;
        try {
            for (int g = 0; g < count; g++) {
                int target = targets[g];
                sums[target] = Math.addExact(sums[target], other.sums[g]);
                counts[target] += other.counts[g];
            }
        } catch (ArithmeticException e) {
            throw NumericResults.overflow(function);
        }
    }

    @Override
    public void merge(int target, int source) {
        try {
            sums[target] = Math.addExact(sums[target], sums[source]);
        } catch (ArithmeticException e) {
            throw NumericResults.overflow(function);
        }
        counts[target] += counts[source];
    }

    @Override
    public void reset(int group) {
        sums[group] = 0;
        counts[group] = 0;
    }

    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeLongs(out, sums, groups, count);
        GroupStateCodec.writeLongs(out, counts, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readLongs(in, sums, groups, count);
        GroupStateCodec.readLongs(in, counts, groups, count);
    }
}
