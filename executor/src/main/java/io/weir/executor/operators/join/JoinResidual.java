package io.weir.executor.operators.join;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;

/**
 * A join's condition beyond its equal keys, with the columns of the pair row (left columns ++ right columns) it
 * reads. Candidate pairs are tested on those columns alone; the caller then gathers whole rows for the pairs kept
 * only. That matters when the condition keeps few of the key matches: Nexmark q5 pairs each of a window's tens of
 * thousands of per-auction counts with the window's maximum and keeps the one or two counts that reach it.
 *
 * <p>Immutable and thread-safe: one instance serves every subtask.
 */
public final class JoinResidual {

    /** The candidate pairs of a join, column by column: what a {@link JoinResidual} tests. */
    interface Pairs {

        /** The number of columns of the pair row. */
        int width();

        /** Column {@code column} of the pair row for the first {@code count} candidate pairs. */
        Vector gather(int column, int count);

        /** The first {@code count} candidate pairs as whole pair rows. */
        default Chunk pairRows(int count) {
            Vector[] columns = new Vector[width()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = gather(c, count);
            }
            return new Chunk(columns, count);
        }
    }

    private final ScalarEvaluator condition;
    /** The pair row columns the condition reads, in the order it reads them; null for every column. */
    private final int[] reads;

    private JoinResidual(ScalarEvaluator condition, int[] reads) {
        this.condition = condition;
        this.reads = reads == null ? null : reads.clone();
    }

    /** A condition compiled over the whole pair row. */
    public static JoinResidual overPairRow(ScalarEvaluator condition) {
        return new JoinResidual(condition, null);
    }

    /**
     * A condition compiled over the pair row columns {@code reads} only: its input column {@code i} is the pair row's
     * column {@code reads[i]}.
     */
    public static JoinResidual overColumns(ScalarEvaluator condition, int[] reads) {
        return new JoinResidual(condition, reads);
    }

    /** The columns the condition reads, for the first {@code count} candidate pairs. */
    Chunk gather(Pairs pairs, int count) {
        int width = reads == null ? pairs.width() : reads.length;
        Vector[] columns = new Vector[width];
        for (int c = 0; c < width; c++) {
            columns[c] = pairs.gather(reads == null ? c : reads[c], count);
        }
        return new Chunk(columns, count);
    }

    /**
     * Puts into {@code kept}, in ascending order, the pairs of {@code tested} (from {@link #gather}) for which the
     * condition is TRUE; returns how many.
     */
    int select(Chunk tested, int[] kept) {
        BooleanVector result = (BooleanVector) condition.evaluate(tested);
        int keptCount = 0;
        for (int i = 0, count = tested.size(); i < count; i++) {
            if (result.isTrue(i)) {
                kept[keptCount++] = i;
            }
        }
        return keptCount;
    }

    /**
     * The kept pairs ({@code kept[0..keptCount)} from {@link #select}) as whole pair rows: picked from {@code tested}
     * when it is the whole row, else gathered anew once {@code firstRows} and {@code secondRows}, the caller's row of
     * each pair on either side, hold the kept pairs at their front.
     */
    Chunk keptRows(Pairs pairs, Chunk tested, int[] kept, int keptCount, int[] firstRows, int[] secondRows) {
        if (reads == null) {
            return tested.select(kept, keptCount);
        }
        for (int i = 0; i < keptCount; i++) {
            firstRows[i] = firstRows[kept[i]];
            secondRows[i] = secondRows[kept[i]];
        }
        return pairs.pairRows(keptCount);
    }
}
