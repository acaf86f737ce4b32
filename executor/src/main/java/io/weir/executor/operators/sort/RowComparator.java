package io.weir.executor.operators.sort;

import io.weir.executor.data.Vector;

/**
 * The ORDER BY order over rows of columnar data: key by key, each ascending or descending, with nulls placed
 * first or last explicitly per key (the direction does not move them). Compares rows of two possibly
 * different column sets of the same types, so an incoming chunk row can be compared with a buffered row.
 */
public final class RowComparator {

    private final int[] keys;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    /**
     * @param keys       column index of each sort key
     * @param descending per key: true for DESC
     * @param nullsFirst per key: true for NULLS FIRST
     */
    public RowComparator(int[] keys, boolean[] descending, boolean[] nullsFirst) {
        if (descending.length != keys.length || nullsFirst.length != keys.length) {
            throw new IllegalArgumentException("One direction and one null placement per sort key");
        }
        this.keys = keys.clone();
        this.descending = descending.clone();
        this.nullsFirst = nullsFirst.clone();
    }

    /** Negative when row {@code rowA} of {@code a} sorts before row {@code rowB} of {@code b}, 0 when tied. */
    public int compare(Vector[] a, int rowA, Vector[] b, int rowB) {
        for (int k = 0; k < keys.length; k++) {
            Vector va = a[keys[k]];
            Vector vb = b[keys[k]];
            boolean nullA = va.isNull(rowA);
            boolean nullB = vb.isNull(rowB);
            int cmp;
            if (nullA || nullB) {
                if (nullA == nullB) {
                    continue;
                }
                cmp = nullA == nullsFirst[k] ? -1 : 1;
            } else {
                cmp = va.compare(rowA, vb, rowB);
                if (descending[k]) {
                    cmp = -cmp;
                }
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }
}
