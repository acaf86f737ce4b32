package io.weir.executor.operators.sort;

/**
 * A stable sort of {@code int} row references by an {@link IntComparator}: a top-down merge sort with
 * insertion sort for short runs. Stability makes ORDER BY deterministic for tied rows (they keep their
 * arrival order), and sorting references instead of rows moves 4 bytes per swap whatever the row width.
 */
public final class IntSorter {

    private static final int INSERTION_THRESHOLD = 16;

    private IntSorter() {
    }

    /** Sorts {@code values[0..count)} in place. */
    public static void sort(int[] values, int count, IntComparator comparator) {
        if (count < 2) {
            return;
        }
        int[] scratch = new int[count];
        System.arraycopy(values, 0, scratch, 0, count);
        // scratch and values hold the same data; each level merges from one into the other.
        mergeSort(scratch, values, 0, count, comparator);
    }

    /** Sorts {@code src[from, to)} into {@code dst[from, to)}; both start with the same contents. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, IntComparator comparator) {
        if (to - from <= INSERTION_THRESHOLD) {
            insertionSort(dst, from, to, comparator);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, comparator);
        mergeSort(dst, src, mid, to, comparator);
        // Already ordered: the two halves of src just need copying.
        if (comparator.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, to - from);
            return;
        }
        int left = from;
        int right = mid;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < mid && comparator.compare(src[left], src[right]) <= 0)) {
                dst[i] = src[left++];
            } else {
                dst[i] = src[right++];
            }
        }
    }

    private static void insertionSort(int[] values, int from, int to, IntComparator comparator) {
        for (int i = from + 1; i < to; i++) {
            int value = values[i];
            int j = i - 1;
            while (j >= from && comparator.compare(values[j], value) > 0) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }
}
