package io.weir.executor.operators.join;

import io.weir.executor.api.JoinType;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.store.RowStore;
import java.util.Arrays;
import java.util.List;

/**
 * The part of a join that is the same whatever finds the candidates (a hash table or a nested loop): it
 * collects candidate pairs (a row of the current left chunk, a row of the buffered right side), evaluates
 * the join condition over them a chunk at a time, emits what the join type asks for, and remembers which
 * rows on each side matched for the outer, semi and anti parts.
 *
 * <p>Protocol, per left chunk: {@link #startLeft}, any number of {@link #add}, {@link #finishLeft}. After
 * the last left chunk, {@link #emitUnmatchedRight} once. The right side must be complete before the first
 * {@link #startLeft}.
 */
public final class JoinPairs implements JoinResidual.Pairs {

    private final JoinType type;
    private final JoinResidual condition;
    private final List<DataType> leftTypes;
    private final RowStore right;
    private final int chunkSize;

    private final int[] leftRows;
    private final int[] rightRows;
    private int pairCount;

    private Chunk left;
    /** Per row of the current left chunk: some pair with it satisfied the condition. */
    private boolean[] leftMatched = new boolean[0];
    /** Per buffered right row: some pair with it satisfied the condition (RIGHT and FULL joins). */
    private boolean[] rightMatched;

    /**
     * @param condition the join condition (beyond the keys a hash join finds candidates by); null when every
     *                  candidate pair matches
     * @param right     the buffered right side, complete before the first left chunk is started
     */
    public JoinPairs(JoinType type, JoinResidual condition, List<DataType> leftTypes, RowStore right,
            int chunkSize) {
        this.type = type;
        this.condition = condition;
        this.leftTypes = List.copyOf(leftTypes);
        this.right = right;
        this.chunkSize = chunkSize;
        this.leftRows = new int[chunkSize];
        this.rightRows = new int[chunkSize];
    }

    /**
     * True when one candidate per left row is enough: a SEMI or ANTI join without a condition only asks
     * whether a candidate exists.
     */
    public boolean firstCandidateDecides() {
        return !type.projectsRight() && condition == null;
    }

    public void startLeft(Chunk chunk) {
        if (rightMatched == null) {
            rightMatched = new boolean[right.size()];
        }
        left = chunk;
        if (leftMatched.length < chunk.size()) {
            leftMatched = new boolean[chunk.size()];
        } else {
            Arrays.fill(leftMatched, 0, chunk.size(), false);
        }
    }

    /** Adds the candidate pair (left row {@code leftRow} of the current chunk, right row {@code rightRow}). */
    public void add(int leftRow, int rightRow, Output out) {
        leftRows[pairCount] = leftRow;
        rightRows[pairCount] = rightRow;
        if (++pairCount == chunkSize) {
            flush(out);
        }
    }

    /** Settles the current left chunk: evaluates pending pairs and emits its semi, anti or outer rows. */
    public void finishLeft(Output out) {
        flush(out);
        switch (type) {
            case SEMI -> emitLeft(true, false, out);
            case ANTI -> emitLeft(false, false, out);
            case LEFT, FULL -> emitLeft(false, true, out);
            default -> {
            }
        }
        left = null;
    }

    /** For RIGHT and FULL joins: emits the right rows no pair matched, padded with nulls on the left. */
    public void emitUnmatchedRight(Output out) {
        if (!type.keepsUnmatchedRight()) {
            return;
        }
        boolean[] matched = rightMatched == null ? new boolean[right.size()] : rightMatched;
        int[] positions = new int[chunkSize];
        int count = 0;
        for (int row = 0; row < right.size(); row++) {
            if (!matched[row]) {
                positions[count++] = row;
                if (count == chunkSize) {
                    out.emit(padLeft(right.gather(positions, count)));
                    count = 0;
                }
            }
        }
        if (count > 0) {
            out.emit(padLeft(right.gather(positions, count)));
        }
    }

    private void flush(Output out) {
        int count = pairCount;
        if (count == 0) {
            return;
        }
        pairCount = 0;
        if (condition == null) {
            markMatched(null, count);
            if (type.projectsRight()) {
                out.emit(pairRows(count));
            }
            return;
        }
        Chunk tested = condition.gather(this, count);
        int[] kept = new int[count];
        int keptCount = condition.select(tested, kept);
        markMatched(kept, keptCount);
        if (keptCount > 0 && type.projectsRight()) {
            out.emit(condition.keptRows(this, tested, kept, keptCount, leftRows, rightRows));
        }
    }

    /** Marks the pairs {@code pairs[0..count)} (or the first {@code count} pairs when null) as matched. */
    private void markMatched(int[] pairs, int count) {
        for (int i = 0; i < count; i++) {
            int pair = pairs == null ? i : pairs[i];
            leftMatched[leftRows[pair]] = true;
            rightMatched[rightRows[pair]] = true;
        }
    }

    @Override
    public int width() {
        return left.columnCount() + right.types().size();
    }

    @Override
    public Vector gather(int column, int count) {
        int leftWidth = left.columnCount();
        return column < leftWidth ? left.column(column).gather(leftRows, count)
                : right.column(column - leftWidth).gather(rightRows, count);
    }

    /** Emits the current chunk's left rows whose matched flag is {@code matched}, padded if asked. */
    private void emitLeft(boolean matched, boolean padRight, Output out) {
        int size = left.size();
        int[] positions = new int[Math.min(size, chunkSize)];
        int count = 0;
        for (int row = 0; row < size; row++) {
            if (leftMatched[row] == matched) {
                positions[count++] = row;
                if (count == positions.length) {
                    out.emit(leftRowsChunk(positions, count, padRight));
                    count = 0;
                }
            }
        }
        if (count > 0) {
            out.emit(leftRowsChunk(positions, count, padRight));
        }
    }

    private Chunk leftRowsChunk(int[] positions, int count, boolean padRight) {
        int leftWidth = left.columnCount();
        Vector[] columns = new Vector[leftWidth + (padRight ? right.types().size() : 0)];
        for (int c = 0; c < leftWidth; c++) {
            columns[c] = left.column(c).gather(positions, count);
        }
        if (padRight) {
            for (int c = 0; c < right.types().size(); c++) {
                columns[leftWidth + c] = Vector.allNulls(right.types().get(c), count);
            }
        }
        return new Chunk(columns, count);
    }

    private Chunk padLeft(Chunk rightRows) {
        int count = rightRows.size();
        Vector[] columns = new Vector[leftTypes.size() + rightRows.columnCount()];
        for (int c = 0; c < leftTypes.size(); c++) {
            columns[c] = Vector.allNulls(leftTypes.get(c), count);
        }
        for (int c = 0; c < rightRows.columnCount(); c++) {
            columns[leftTypes.size() + c] = rightRows.column(c);
        }
        return new Chunk(columns, count);
    }
}
