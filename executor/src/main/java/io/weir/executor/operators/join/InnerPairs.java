package io.weir.executor.operators.join;

import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.store.RowStore;

/**
 * The matches of an inner streaming join as output chunks: pairs of a row of the arriving chunk and a row the
 * other side stored earlier, gathered a chunk at a time into left columns ++ right columns whichever side the
 * arriving chunk is on, filtered by the residual condition.
 *
 * <p>Protocol, per arriving chunk: {@link #start}, any number of {@link #add}, {@link #finish}.
 */
final class InnerPairs implements JoinResidual.Pairs {

    private final JoinResidual residual;
    private final int chunkSize;
    private final int[] arrivingRows;
    private final int[] storedRows;
    private int count;
    /** Pairs added since this was made: how often stored rows have been read back. */
    private long added;
    private int[] kept;

    private Chunk arriving;
    private boolean arrivingIsLeft;
    private RowStore stored;

    /** @param residual the condition beyond the keys; null when every key match is a result */
    InnerPairs(JoinResidual residual, int chunkSize) {
        this.residual = residual;
        this.chunkSize = chunkSize;
        this.arrivingRows = new int[chunkSize];
        this.storedRows = new int[chunkSize];
        this.kept = new int[chunkSize];
    }

    void start(Chunk chunk, boolean isLeft, RowStore other) {
        arriving = chunk;
        arrivingIsLeft = isLeft;
        stored = other;
    }

    void add(int arrivingRow, int storedRow, Output out) {
        added++;
        arrivingRows[count] = arrivingRow;
        storedRows[count] = storedRow;
        if (++count == chunkSize) {
            flush(out);
        }
    }

    long added() {
        return added;
    }

    void finish(Output out) {
        flush(out);
        arriving = null;
        stored = null;
    }

    private void flush(Output out) {
        int pairCount = count;
        if (pairCount == 0) {
            return;
        }
        count = 0;
        if (residual == null) {
            out.emit(pairRows(pairCount));
            return;
        }
        Chunk tested = residual.gather(this, pairCount);
        int keptCount = residual.select(tested, kept);
        if (keptCount > 0) {
            out.emit(residual.keptRows(this, tested, kept, keptCount, arrivingRows, storedRows));
        }
    }

    @Override
    public int width() {
        return arriving.columnCount() + stored.types().size();
    }

    /** Column {@code column} of left columns ++ right columns, whichever side the arriving chunk is on. */
    @Override
    public Vector gather(int column, int count) {
        int storedWidth = stored.types().size();
        int arrivingColumn = arrivingIsLeft ? column : column - storedWidth;
        if (arrivingColumn >= 0 && arrivingColumn < arriving.columnCount()) {
            return arriving.column(arrivingColumn).gather(arrivingRows, count);
        }
        return stored.gatherColumn(arrivingIsLeft ? column - arriving.columnCount() : column, storedRows, count);
    }
}
