package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.function.DoublePredicate;
import java.util.function.DoubleToLongFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;

/**
 * Strict one-operand functions over typed columns: a NULL in gives a NULL out, and the function runs only
 * on non-null rows (so it may throw for a bad value without tripping over the garbage in null rows).
 * One loop per input and output physical type; the function is a primitive lambda chosen at compile time.
 */
final class Unary {

    private Unary() {
    }

    static ScalarEvaluator longToLong(ScalarEvaluator arg, DataType type, LongUnaryOperator f) {
        return new LongToLong(arg, type, f);
    }

    static ScalarEvaluator longToDouble(ScalarEvaluator arg, DataType type, LongToDoubleFunction f) {
        return new LongToDouble(arg, type, f);
    }

    static ScalarEvaluator longToBoolean(ScalarEvaluator arg, DataType type, LongPredicate f) {
        return new LongToBoolean(arg, type, f);
    }

    static ScalarEvaluator doubleToLong(ScalarEvaluator arg, DataType type, DoubleToLongFunction f) {
        return new DoubleToLong(arg, type, f);
    }

    static ScalarEvaluator doubleToDouble(ScalarEvaluator arg, DataType type, DoubleUnaryOperator f) {
        return new DoubleToDouble(arg, type, f);
    }

    static ScalarEvaluator doubleToBoolean(ScalarEvaluator arg, DataType type, DoublePredicate f) {
        return new DoubleToBoolean(arg, type, f);
    }

    /** {@code f} maps a boolean to a long; {@code f.applyAsLong(1)} for TRUE, {@code (0)} for FALSE. */
    static ScalarEvaluator booleanToLong(ScalarEvaluator arg, DataType type, LongUnaryOperator f) {
        return new BooleanToLong(arg, type, f);
    }

    private record LongToLong(ScalarEvaluator arg, DataType type, LongUnaryOperator f) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            LongVector in = (LongVector) arg.evaluate(input);
            int n = input.size();
            LongVector out = new LongVector(n);
            long[] a = in.values();
            long[] o = out.values();
            boolean[] nulls = Nulls.of(in);
            if (nulls == null) {
                for (int i = 0; i < n; i++) {
                    o[i] = f.applyAsLong(a[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        out.setNull(i);
                    } else {
                        o[i] = f.applyAsLong(a[i]);
                    }
                }
            }
            return out;
        }
    }

    private record LongToDouble(ScalarEvaluator arg, DataType type, LongToDoubleFunction f) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            LongVector in = (LongVector) arg.evaluate(input);
            int n = input.size();
            DoubleVector out = new DoubleVector(n);
            long[] a = in.values();
            double[] o = out.values();
            boolean[] nulls = Nulls.of(in);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.setNull(i);
                } else {
                    o[i] = f.applyAsDouble(a[i]);
                }
            }
            return out;
        }
    }

    private record LongToBoolean(ScalarEvaluator arg, DataType type, LongPredicate f) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            LongVector in = (LongVector) arg.evaluate(input);
            int n = input.size();
            BooleanVector out = new BooleanVector(n);
            long[] a = in.values();
            boolean[] o = out.values();
            boolean[] nulls = Nulls.of(in);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.setNull(i);
                } else {
                    o[i] = f.test(a[i]);
                }
            }
            return out;
        }
    }

    private record DoubleToLong(ScalarEvaluator arg, DataType type, DoubleToLongFunction f) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            DoubleVector in = (DoubleVector) arg.evaluate(input);
            int n = input.size();
            LongVector out = new LongVector(n);
            double[] a = in.values();
            long[] o = out.values();
            boolean[] nulls = Nulls.of(in);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.setNull(i);
                } else {
                    o[i] = f.applyAsLong(a[i]);
                }
            }
            return out;
        }
    }

    private record DoubleToDouble(ScalarEvaluator arg, DataType type, DoubleUnaryOperator f) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            DoubleVector in = (DoubleVector) arg.evaluate(input);
            int n = input.size();
            DoubleVector out = new DoubleVector(n);
            double[] a = in.values();
            double[] o = out.values();
            for (int i = 0; i < n; i++) {
                o[i] = f.applyAsDouble(a[i]);
            }
            Nulls.mark(out, Nulls.of(in), n);
            return out;
        }
    }

    private record DoubleToBoolean(ScalarEvaluator arg, DataType type, DoublePredicate f) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            DoubleVector in = (DoubleVector) arg.evaluate(input);
            int n = input.size();
            BooleanVector out = new BooleanVector(n);
            double[] a = in.values();
            boolean[] o = out.values();
            for (int i = 0; i < n; i++) {
                o[i] = f.test(a[i]);
            }
            Nulls.mark(out, Nulls.of(in), n);
            return out;
        }
    }

    private record BooleanToLong(ScalarEvaluator arg, DataType type, LongUnaryOperator f) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            BooleanVector in = (BooleanVector) arg.evaluate(input);
            int n = input.size();
            LongVector out = new LongVector(n);
            long whenTrue = f.applyAsLong(1);
            long whenFalse = f.applyAsLong(0);
            boolean[] a = in.values();
            long[] o = out.values();
            for (int i = 0; i < n; i++) {
                o[i] = a[i] ? whenTrue : whenFalse;
            }
            Nulls.mark(out, Nulls.of(in), n);
            return out;
        }
    }
}
