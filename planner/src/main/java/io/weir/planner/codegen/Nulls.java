package io.weir.planner.codegen;

import io.weir.executor.data.Vector;

/**
 * Null masks of strict operations (any null operand gives a null result). A returned mask may be an input
 * vector's own mask, so callers only read it.
 */
final class Nulls {

    private Nulls() {
    }

    /** The rows where {@code a} is null, or null when no row is. */
    static boolean[] of(Vector a) {
        return a.mayHaveNulls() ? a.nullMask() : null;
    }

    /** The rows where {@code a} or {@code b} is null, or null when no row is. */
    static boolean[] union(Vector a, Vector b, int n) {
        boolean[] ma = of(a);
        boolean[] mb = of(b);
        if (ma == null) {
            return mb;
        }
        if (mb == null) {
            return ma;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = ma[i] | mb[i];
        }
        return out;
    }

    /** The rows where any of the vectors is null, or null when no row is. */
    static boolean[] union(Vector[] vectors, int n) {
        boolean[] result = null;
        boolean owned = false;
        for (Vector v : vectors) {
            boolean[] m = of(v);
            if (m == null) {
                continue;
            }
            if (result == null) {
                result = m;
            } else {
                if (!owned) {
                    result = java.util.Arrays.copyOf(result, n);
                    owned = true;
                }
                for (int i = 0; i < n; i++) {
                    result[i] |= m[i];
                }
            }
        }
        return result;
    }

    /** Marks null the rows of {@code out} where {@code mask} is set. */
    static void mark(Vector out, boolean[] mask, int n) {
        if (mask == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                out.setNull(i);
            }
        }
    }

    static boolean isNull(boolean[] mask, int row) {
        return mask != null && mask[row];
    }
}
