package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;

/** Evaluates, at compile time, evaluators whose inputs are all constants. */
final class Folding {

    /** One row and no columns: enough for an evaluator that reads no column. */
    private static final Chunk ONE_ROW = new Chunk(new Vector[0], 1);

    private Folding() {
    }

    /**
     * The evaluator's value as a constant, or the evaluator itself when evaluating it fails (it may be
     * guarded by a CASE or AND that no row passes; then it must fail only if a row reaches it).
     */
    static ScalarEvaluator fold(ScalarEvaluator evaluator) {
        if (evaluator instanceof Constant) {
            return evaluator;
        }
        try {
            return Constant.fromVector(evaluator.type(), evaluator.evaluate(ONE_ROW), 0);
        } catch (WeirException e) {
            return evaluator;
        }
    }
}
