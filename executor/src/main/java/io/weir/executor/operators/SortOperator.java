package io.weir.executor.operators;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.sort.IntSorter;
import io.weir.executor.operators.sort.RowComparator;
import io.weir.executor.operators.sort.TopNBuffer;
import io.weir.executor.operators.store.RowStore;
import java.util.List;

/**
 * Batch ORDER BY with optional OFFSET / FETCH: buffers every row, then at the end of the input emits them
 * in order, skipping {@code offset} rows and emitting at most {@code fetch}. Tied rows keep their arrival
 * order. With a fetch only the best {@code offset + fetch} rows are ever kept ({@link TopNBuffer}).
 *
 * <p>Input is treated as insert-only (batch); output rows are inserts.
 */
public final class SortOperator implements Operator {

    private final RowComparator comparator;
    private final long offset;
    private final long fetch;
    private final List<DataType> types;

    private int chunkSize;
    /** All rows, when there is no fetch. */
    private RowStore rows;
    /** The best rows, when there is a fetch. */
    private TopNBuffer topN;

    /**
     * @param keys       column index of each sort key
     * @param descending per key: true for DESC
     * @param nullsFirst per key: true for NULLS FIRST
     * @param offset     rows to skip
     * @param fetch      rows to emit at most, or -1 for all
     * @param types      the input (and output) column types
     */
    public SortOperator(int[] keys, boolean[] descending, boolean[] nullsFirst, long offset, long fetch,
            List<DataType> types) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        this.comparator = new RowComparator(keys, descending, nullsFirst);
        this.offset = offset;
        this.fetch = fetch;
        this.types = List.copyOf(types);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        long limit = fetch < 0 ? Long.MAX_VALUE : offset + fetch;
        // offset + fetch may overflow or exceed what an array can index: then keeping everything is the same.
        if (limit >= 0 && limit < Integer.MAX_VALUE - 8) {
            topN = new TopNBuffer((int) limit, comparator, types);
        } else {
            rows = new RowStore(types);
        }
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (topN != null) {
            topN.add(chunk);
        } else {
            rows.append(chunk);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        RowStore store;
        int[] order;
        if (topN != null) {
            store = topN.store();
            order = topN.sortedRows();
        } else {
            store = rows;
            order = new int[store.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            RowStore sorted = store;
            IntSorter.sort(order, order.length, (a, b) -> comparator.compare(sorted.columns(), a, sorted.columns(), b));
        }
        emit(store, order, out);
    }

    private void emit(RowStore store, int[] order, Output out) {
        int first = (int) Math.min(offset, order.length);
        // Compared before adding, as first + fetch may overflow.
        int end = fetch < 0 || fetch >= order.length - first ? order.length : first + (int) fetch;
        int[] positions = new int[chunkSize];
        for (int from = first; from < end; from += chunkSize) {
            int count = Math.min(chunkSize, end - from);
            System.arraycopy(order, from, positions, 0, count);
            out.emit(store.gather(positions, count));
        }
    }

    @Override
    public void close() {
        rows = null;
        topN = null;
    }
}
