package io.weir.planner.codegen;

/** Binary arithmetic on doubles (IEEE: no errors), one constant per operator with a loop per operand shape. */
enum DoubleOp {
    ADD {
        @Override
        void vv(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] + b[i];
            }
        }

        @Override
        void vs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] + b;
            }
        }

        @Override
        void sv(double a, double[] b, double[] out, int n) {
            vs(b, a, out, n);
        }
    },
    SUBTRACT {
        @Override
        void vv(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] - b[i];
            }
        }

        @Override
        void vs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] - b;
            }
        }

        @Override
        void sv(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a - b[i];
            }
        }
    },
    MULTIPLY {
        @Override
        void vv(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * b[i];
            }
        }

        @Override
        void vs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * b;
            }
        }

        @Override
        void sv(double a, double[] b, double[] out, int n) {
            vs(b, a, out, n);
        }
    },
    DIVIDE {
        @Override
        void vv(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / b[i];
            }
        }

        @Override
        void vs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / b;
            }
        }

        @Override
        void sv(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a / b[i];
            }
        }
    },
    MOD {
        @Override
        void vv(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] % b[i];
            }
        }

        @Override
        void vs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] % b;
            }
        }

        @Override
        void sv(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a % b[i];
            }
        }
    };

    abstract void vv(double[] a, double[] b, double[] out, int n);

    abstract void vs(double[] a, double b, double[] out, int n);

    abstract void sv(double a, double[] b, double[] out, int n);
}
