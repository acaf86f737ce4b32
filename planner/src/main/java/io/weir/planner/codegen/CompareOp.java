package io.weir.planner.codegen;

/**
 * The six comparisons, one constant each, with a loop per operand representation and shape so that each
 * loop is compiled with its comparison inlined. Loops run over null rows too (their results are masked).
 * Doubles compare as Java primitives (NaN is unequal to everything, as in Flink).
 */
enum CompareOp {
    EQUALS {
        @Override
        void longs(long[] a, long[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] == b[i];
            }
        }

        @Override
        void longs(long[] a, long b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] == b;
            }
        }

        @Override
        void doubles(double[] a, double[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] == b[i];
            }
        }

        @Override
        void doubles(double[] a, double b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] == b;
            }
        }

        @Override
        boolean test(int c) {
            return c == 0;
        }

        @Override
        CompareOp flip() {
            return EQUALS;
        }
    },
    NOT_EQUALS {
        @Override
        void longs(long[] a, long[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] != b[i];
            }
        }

        @Override
        void longs(long[] a, long b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] != b;
            }
        }

        @Override
        void doubles(double[] a, double[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] != b[i];
            }
        }

        @Override
        void doubles(double[] a, double b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] != b;
            }
        }

        @Override
        boolean test(int c) {
            return c != 0;
        }

        @Override
        CompareOp flip() {
            return NOT_EQUALS;
        }
    },
    LESS_THAN {
        @Override
        void longs(long[] a, long[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] < b[i];
            }
        }

        @Override
        void longs(long[] a, long b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] < b;
            }
        }

        @Override
        void doubles(double[] a, double[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] < b[i];
            }
        }

        @Override
        void doubles(double[] a, double b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] < b;
            }
        }

        @Override
        boolean test(int c) {
            return c < 0;
        }

        @Override
        CompareOp flip() {
            return GREATER_THAN;
        }
    },
    LESS_THAN_OR_EQUAL {
        @Override
        void longs(long[] a, long[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] <= b[i];
            }
        }

        @Override
        void longs(long[] a, long b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] <= b;
            }
        }

        @Override
        void doubles(double[] a, double[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] <= b[i];
            }
        }

        @Override
        void doubles(double[] a, double b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] <= b;
            }
        }

        @Override
        boolean test(int c) {
            return c <= 0;
        }

        @Override
        CompareOp flip() {
            return GREATER_THAN_OR_EQUAL;
        }
    },
    GREATER_THAN {
        @Override
        void longs(long[] a, long[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] > b[i];
            }
        }

        @Override
        void longs(long[] a, long b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] > b;
            }
        }

        @Override
        void doubles(double[] a, double[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] > b[i];
            }
        }

        @Override
        void doubles(double[] a, double b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] > b;
            }
        }

        @Override
        boolean test(int c) {
            return c > 0;
        }

        @Override
        CompareOp flip() {
            return LESS_THAN;
        }
    },
    GREATER_THAN_OR_EQUAL {
        @Override
        void longs(long[] a, long[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] >= b[i];
            }
        }

        @Override
        void longs(long[] a, long b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] >= b;
            }
        }

        @Override
        void doubles(double[] a, double[] b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] >= b[i];
            }
        }

        @Override
        void doubles(double[] a, double b, boolean[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] >= b;
            }
        }

        @Override
        boolean test(int c) {
            return c >= 0;
        }

        @Override
        CompareOp flip() {
            return LESS_THAN_OR_EQUAL;
        }
    };

    /** Column against column. */
    abstract void longs(long[] a, long[] b, boolean[] out, int n);

    /** Column against constant. */
    abstract void longs(long[] a, long b, boolean[] out, int n);

    abstract void doubles(double[] a, double[] b, boolean[] out, int n);

    abstract void doubles(double[] a, double b, boolean[] out, int n);

    /** The comparison given {@code compare(a, b)}. */
    abstract boolean test(int c);

    /** The operator with its operands swapped: {@code a op b} is {@code b op.flip() a}. */
    abstract CompareOp flip();
}
