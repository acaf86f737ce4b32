package io.weir.executor.operators.join;

import io.weir.executor.api.Output;
import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
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
final class InnerPairs {

    private final ScalarEvaluator residual;
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

    /** @param residual evaluated over left columns ++ right columns; null when every key match is a result */
    InnerPairs(ScalarEvaluator residual, int chunkSize) {
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
        if (count == 0) {
            return;
        }
        Chunk pairs = pairChunk();
        int pairCount = count;
        count = 0;
        if (residual == null) {
            out.emit(pairs);
            return;
        }
        BooleanVector result = (BooleanVector) residual.evaluate(pairs);
        int keptCount = 0;
        for (int i = 0; i < pairCount; i++) {
            if (result.isTrue(i)) {
                kept[keptCount++] = i;
            }
        }
        if (keptCount == pairCount) {
            out.emit(pairs);
        } else if (keptCount > 0) {
            out.emit(pairs.select(kept, keptCount));
        }
    }

    private Chunk pairChunk() {
        int arrivingWidth = arriving.columnCount();
        int storedWidth = stored.types().size();
        Vector[] columns = new Vector[arrivingWidth + storedWidth];
        int arrivingOffset = arrivingIsLeft ? 0 : storedWidth;
        int storedOffset = arrivingIsLeft ? arrivingWidth : 0;
        for (int c = 0; c < arrivingWidth; c++) {
            columns[arrivingOffset + c] = arriving.column(c).gather(arrivingRows, count);
        }
        for (int c = 0; c < storedWidth; c++) {
            columns[storedOffset + c] = stored.gatherColumn(c, storedRows, count);
        }
        return new Chunk(columns, count);
    }
}
