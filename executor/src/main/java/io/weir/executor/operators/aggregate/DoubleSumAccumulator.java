package io.weir.executor.operators.aggregate;

import io.weir.executor.api.AggregateKind;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** SUM, SUM0 and AVG over FLOAT and DOUBLE arguments, in double arithmetic. */
final class DoubleSumAccumulator extends Accumulator {

    private final AggregateKind kind;
    private final DataType resultType;
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    DoubleSumAccumulator(AggregateKind kind, DataType resultType) {
        this.kind = kind;
        this.resultType = resultType;
    }

    @Override
    public void ensureGroups(int groupCount) {
        sums = GroupArrays.ensure(sums, groupCount);
        counts = GroupArrays.ensure(counts, groupCount);
    }

    @Override
    public void accumulate(Vector arg, int[] groupIds, int[] rows, int count) {
        double[] values = ((DoubleVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        double[] s = sums;
        long[] c = counts;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (nulls == null || !nulls[r]) {
                int g = groupIds[r];
                s[g] += values[r];
                c[g]++;
            }
        }
    }

    @Override
    public void retract(Vector arg, int[] groupIds, int[] rows, int count) {
        double[] values = ((DoubleVector) arg).values();
        boolean[] nulls = arg.mayHaveNulls() ? arg.nullMask() : null;
        double[] s = sums;
        long[] c = counts;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (nulls == null || !nulls[r]) {
                int g = groupIds[r];
                s[g] -= values[r];
                // The last value out leaves an exact 0, not the rounding residue of the sums in between.
                if (--c[g] == 0) {
                    s[g] = 0;
                }
            }
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
        if (counts[g] == 0 && kind != AggregateKind.SUM0) {
            out.setNull(row);
        } else {
            double value = kind == AggregateKind.AVG ? sums[g] / counts[g] : sums[g];
            NumericResults.writeDouble(value, resultType, out, row, kind == AggregateKind.AVG ? "AVG" : "SUM");
        }
    }

    @Override
    public void mergeFrom(Accumulator from, int[] targets, int count) {
        DoubleSumAccumulator other = (DoubleSumAccumulator) from;
        for (int g = 0; g < count; g++) {
            sums[targets[g]] += other.sums[g];
            counts[targets[g]] += other.counts[g];
        }
    }

    @Override
    public void merge(int target, int source) {
        sums[target] += sums[source];
        counts[target] += counts[source];
    }

    @Override
    public void reset(int group) {
        sums[group] = 0;
        counts[group] = 0;
    }

    @Override
    public void writeGroups(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeDoubles(out, sums, groups, count);
        GroupStateCodec.writeLongs(out, counts, groups, count);
    }

    @Override
    public void readGroups(DataInput in, int[] groups, int count) throws IOException {
        GroupStateCodec.readDoubles(in, sums, groups, count);
        GroupStateCodec.readLongs(in, counts, groups, count);
    }
}
