package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE e END} with lazy branches: each condition runs over the rows no
 * earlier condition took, each THEN over the rows its condition is TRUE for, ELSE over the rest. So
 * {@code CASE WHEN x <> 0 THEN 10 / x ELSE 0 END} never divides by zero. Calcite expands COALESCE, NULLIF,
 * IF and IFNULL into CASE before we see them.
 */
final class CaseCompiler {

    private CaseCompiler() {
    }

    static void register(FunctionRegistry registry) {
        registry.add("CASE", CaseCompiler::compile);
    }

    private static ScalarEvaluator compile(Call c) {
        DataType type = c.type();
        int pairs = (c.arity() - 1) / 2;
        LazyOperand[] conditions = new LazyOperand[pairs];
        LazyOperand[] values = new LazyOperand[pairs];
        for (int k = 0; k < pairs; k++) {
            conditions[k] = LazyOperand.of(Logic.bool(c.operand(2 * k)), c.rexOperand(2 * k));
            values[k] = LazyOperand.of(asResult(c.operand(2 * k + 1), type), c.rexOperand(2 * k + 1));
        }
        int last = c.arity() - 1;
        LazyOperand otherwise = c.arity() % 2 == 1
                ? LazyOperand.of(asResult(c.operand(last), type), c.rexOperand(last))
                : new LazyOperand(Constant.nullOf(type), new int[0]);
        return new Case(conditions, values, otherwise, type);
    }

    /** A branch's value in the CASE's representation (branches may differ in nullability, width, scale). */
    private static ScalarEvaluator asResult(ScalarEvaluator branch, DataType type) {
        if (branch.type().kind() == TypeKind.NULL) {
            return Constant.nullOf(type);
        }
        return Casts.sameRepresentation(branch.type(), type) ? branch : Casts.cast(branch, type);
    }

    private record Case(LazyOperand[] conditions, LazyOperand[] values, LazyOperand otherwise, DataType type)
            implements ScalarEvaluator {

        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            // Rows not yet taken by a WHEN, in ascending order (so a full count means "every row").
            int[] remaining = new int[n];
            for (int i = 0; i < n; i++) {
                remaining[i] = i;
            }
            int remainingCount = n;
            int[] matched = new int[n];
            Vector out = null;
            for (int k = 0; k < conditions.length && remainingCount > 0; k++) {
                BooleanVector when = (BooleanVector) conditions[k].evaluate(input, remaining, remainingCount);
                int m = 0;
                int r = 0;
                for (int j = 0; j < remainingCount; j++) {
                    int row = remaining[j];
                    if (when.isTrue(j)) {
                        matched[m++] = row;
                    } else {
                        remaining[r++] = row;
                    }
                }
                remainingCount = r;
                if (m > 0) {
                    Vector branch = values[k].evaluate(input, matched, m);
                    if (m == n) {
                        return branch;
                    }
                    out = place(out, branch, matched, m, n);
                }
            }
            if (remainingCount > 0) {
                Vector branch = otherwise.evaluate(input, remaining, remainingCount);
                if (remainingCount == n) {
                    return branch;
                }
                out = place(out, branch, remaining, remainingCount, n);
            }
            return out == null ? Vector.allocate(type, n) : out;
        }

        private Vector place(Vector out, Vector branch, int[] positions, int count, int n) {
            Vector target = out == null ? Vector.allocate(type, n) : out;
            Scatter.into(branch, target, positions, count);
            return target;
        }
    }
}
