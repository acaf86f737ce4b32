package io.weir.executor.operators.sort;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.store.RowStore;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the first {@code limit} rows in ORDER BY order out of any number of rows, in memory proportional to
 * {@code limit}: a max-heap (the worst kept row on top) of references into a {@link RowStore}. A new row
 * replaces the top only when it sorts strictly before it, and ties are broken by arrival, so the result is
 * exactly the head of a stable full sort.
 */
public final class TopNBuffer {

    private final int limit;
    private final RowComparator comparator;
    private final RowStore store;
    /** Arrival number of the row in each store slot: the tie-breaker that makes the order total. */
    private long[] arrival = new long[16];
    private long arrived;
    private int[] heap = new int[16];
    private int heapSize;

    public TopNBuffer(int limit, RowComparator comparator, List<DataType> types) {
        this.limit = limit;
        this.comparator = comparator;
        this.store = new RowStore(types, Math.min(limit, 1024));
    }

    public RowStore store() {
        return store;
    }

    public void add(Chunk chunk) {
        for (int row = 0; row < chunk.size(); row++) {
            add(chunk, row);
        }
    }

    private void add(Chunk chunk, int row) {
        long order = arrived++;
        if (heapSize < limit) {
            int slot = store.append(chunk, row);
            if (slot == arrival.length) {
                arrival = Arrays.copyOf(arrival, slot * 2);
                heap = Arrays.copyOf(heap, slot * 2);
            }
            arrival[slot] = order;
            heap[heapSize] = slot;
            siftUp(heapSize++);
        } else if (heapSize > 0 && comparator.compare(chunk.columns(), row, store.columns(), heap[0]) < 0) {
            int slot = heap[0];
            store.set(slot, chunk, row);
            arrival[slot] = order;
            siftDown(0);
        }
    }

    /** The store indexes of the kept rows, best first (at most {@code limit} of them). */
    public int[] sortedRows() {
        int[] rows = Arrays.copyOf(heap, heapSize);
        IntSorter.sort(rows, heapSize, this::compareSlots);
        return rows;
    }

    public int size() {
        return heapSize;
    }

    private int compareSlots(int a, int b) {
        int cmp = comparator.compare(store.columns(), a, store.columns(), b);
        return cmp != 0 ? cmp : Long.compare(arrival[a], arrival[b]);
    }

    private void siftUp(int index) {
        int slot = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (compareSlots(heap[parent], slot) >= 0) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = slot;
    }

    private void siftDown(int index) {
        int slot = heap[index];
        while (true) {
            int child = 2 * index + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && compareSlots(heap[child + 1], heap[child]) > 0) {
                child++;
            }
            if (compareSlots(heap[child], slot) <= 0) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = slot;
    }
}
