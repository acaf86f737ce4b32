package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Strict two-operand functions applied row by row through a primitive lambda, for operations that are not
 * plain arithmetic (decimal rescaling, calendar arithmetic, POWER). The function runs on non-null rows only.
 */
final class Binary {

    private Binary() {
    }

    static ScalarEvaluator longs(ScalarEvaluator a, ScalarEvaluator b, DataType type, LongBinaryOperator f) {
        return new Longs(a, b, type, f);
    }

    static ScalarEvaluator doubles(ScalarEvaluator a, ScalarEvaluator b, DataType type, DoubleBinaryOperator f) {
        return new Doubles(a, b, type, f);
    }

    private record Longs(ScalarEvaluator a, ScalarEvaluator b, DataType type, LongBinaryOperator f)
            implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            LongVector x = (LongVector) a.evaluate(input);
            LongVector y = (LongVector) b.evaluate(input);
            int n = input.size();
            boolean[] nulls = Nulls.union(x, y, n);
            LongVector out = new LongVector(n);
            long[] xs = x.values();
            long[] ys = y.values();
            long[] o = out.values();
            for (int i = 0; i < n; i++) {
                if (Nulls.isNull(nulls, i)) {
                    out.setNull(i);
                } else {
                    o[i] = f.applyAsLong(xs[i], ys[i]);
                }
            }
            return out;
        }
    }

    private record Doubles(ScalarEvaluator a, ScalarEvaluator b, DataType type, DoubleBinaryOperator f)
            implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            DoubleVector x = (DoubleVector) a.evaluate(input);
            DoubleVector y = (DoubleVector) b.evaluate(input);
            int n = input.size();
            DoubleVector out = new DoubleVector(n);
            double[] xs = x.values();
            double[] ys = y.values();
            double[] o = out.values();
            boolean[] nulls = Nulls.union(x, y, n);
            for (int i = 0; i < n; i++) {
                if (Nulls.isNull(nulls, i)) {
                    out.setNull(i);
                } else {
                    o[i] = f.applyAsDouble(xs[i], ys[i]);
                }
            }
            return out;
        }
    }
}
