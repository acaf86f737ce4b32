package io.weir.planner.codegen;

/**
 * Binary arithmetic on longs (integers, scaled decimals of one scale, intervals, epoch millis), one
 * constant per operator. Each constant carries its own loops, one per operand shape, so that the JIT
 * compiles each loop with the operator inlined; evaluators call them once per chunk.
 *
 * <p>Loops run over every row, nulls included, and throw {@link ArithmeticException} on overflow or
 * division by zero; the caller then re-checks row by row, skipping nulls (whose values are arbitrary), to
 * tell a real failure from garbage. {@link #apply} is the row-by-row form.
 */
enum LongOp {
    ADD {
        @Override
        long apply(long a, long b) {
            return Math.addExact(a, b);
        }

        @Override
        void vv(long[] a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.addExact(a[i], b[i]);
            }
        }

        @Override
        void vs(long[] a, long b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.addExact(a[i], b);
            }
        }

        @Override
        void sv(long a, long[] b, long[] out, int n) {
            vs(b, a, out, n);
        }
    },
    SUBTRACT {
        @Override
        long apply(long a, long b) {
            return Math.subtractExact(a, b);
        }

        @Override
        void vv(long[] a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.subtractExact(a[i], b[i]);
            }
        }

        @Override
        void vs(long[] a, long b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.subtractExact(a[i], b);
            }
        }

        @Override
        void sv(long a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.subtractExact(a, b[i]);
            }
        }
    },
    MULTIPLY {
        @Override
        long apply(long a, long b) {
            return Math.multiplyExact(a, b);
        }

        @Override
        void vv(long[] a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.multiplyExact(a[i], b[i]);
            }
        }

        @Override
        void vs(long[] a, long b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.multiplyExact(a[i], b);
            }
        }

        @Override
        void sv(long a, long[] b, long[] out, int n) {
            vs(b, a, out, n);
        }
    },
    /** Truncating division, as Java's and SQL's integer division. */
    DIVIDE {
        @Override
        long apply(long a, long b) {
            return divide(a, b);
        }

        @Override
        void vv(long[] a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = divide(a[i], b[i]);
            }
        }

        @Override
        void vs(long[] a, long b, long[] out, int n) {
            if (b == -1) {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.negateExact(a[i]);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / b;
            }
        }

        @Override
        void sv(long a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = divide(a, b[i]);
            }
        }
    },
    /** Remainder with the sign of the dividend, as Java's {@code %} and SQL's MOD. */
    MOD {
        @Override
        long apply(long a, long b) {
            return a % b;
        }

        @Override
        void vv(long[] a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] % b[i];
            }
        }

        @Override
        void vs(long[] a, long b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] % b;
            }
        }

        @Override
        void sv(long a, long[] b, long[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a % b[i];
            }
        }
    };

    /** The operation on one row; throws {@link ArithmeticException} on overflow or division by zero. */
    abstract long apply(long a, long b);

    abstract void vv(long[] a, long[] b, long[] out, int n);

    abstract void vs(long[] a, long b, long[] out, int n);

    abstract void sv(long a, long[] b, long[] out, int n);

    boolean divides() {
        return this == DIVIDE || this == MOD;
    }

    /** Division that fails on the one overflowing case ({@code MIN_VALUE / -1}) instead of wrapping. */
    private static long divide(long a, long b) {
        if (b == -1) {
            return Math.negateExact(a);
        }
        return a / b;
    }
}
