package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.List;

/**
 * A function of several operands computed row by row, for the string and date functions whose work per row
 * (building a string, parsing, formatting) dwarfs a call through a lambda. The operand vectors are evaluated
 * once per chunk; the lambda reads its operands with the typed accessors below and writes the row of
 * {@code out}, possibly NULL.
 */
@FunctionalInterface
interface RowFunction {

    void apply(Vector[] args, int row, Vector out);

    /** A strict function: rows where any operand is NULL are NULL without calling {@code f}. */
    static ScalarEvaluator strict(List<ScalarEvaluator> operands, DataType type, RowFunction f) {
        return new Evaluator(operands.toArray(new ScalarEvaluator[0]), type, f, true);
    }

    /** A function that sees NULL operands and decides itself (CONCAT_WS). */
    static ScalarEvaluator lenient(List<ScalarEvaluator> operands, DataType type, RowFunction f) {
        return new Evaluator(operands.toArray(new ScalarEvaluator[0]), type, f, false);
    }

    static String str(Vector[] args, int k, int row) {
        return ((StringVector) args[k]).get(row);
    }

    static long lng(Vector[] args, int k, int row) {
        return ((LongVector) args[k]).get(row);
    }

    /** Sets a string result; a null string makes the row NULL. */
    static void set(Vector out, int row, String value) {
        ((StringVector) out).set(row, value);
    }

    static void set(Vector out, int row, long value) {
        ((LongVector) out).set(row, value);
    }

    static void set(Vector out, int row, boolean value) {
        ((BooleanVector) out).set(row, value);
    }

    record Evaluator(ScalarEvaluator[] operands, DataType type, RowFunction f, boolean strict) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            Vector[] args = new Vector[operands.length];
            for (int k = 0; k < args.length; k++) {
                args[k] = operands[k].evaluate(input);
            }
            boolean[] nulls = strict ? Nulls.union(args, n) : null;
            Vector out = Vector.allocate(type, n);
            for (int i = 0; i < n; i++) {
                if (Nulls.isNull(nulls, i)) {
                    out.setNull(i);
                } else {
                    f.apply(args, i, out);
                }
            }
            return out;
        }
    }
}
