package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexNode;

/**
 * An operand evaluated only over some rows of the chunk (a CASE branch, the right side of AND/OR): the rows
 * are gathered into a smaller chunk, and only the columns the operand reads are gathered.
 */
record LazyOperand(ScalarEvaluator evaluator, int[] columns) {

    static LazyOperand of(ScalarEvaluator evaluator, RexNode rex) {
        return new LazyOperand(evaluator, RelOptUtil.InputFinder.bits(rex).toArray());
    }

    /** The operand over every row. */
    Vector evaluate(Chunk input) {
        return evaluator.evaluate(input);
    }

    /**
     * The operand over rows {@code positions[0..count)} of {@code input}, in that order: row {@code j} of the
     * result belongs to input row {@code positions[j]}.
     */
    Vector evaluate(Chunk input, int[] positions, int count) {
        if (count == input.size()) {
            return evaluator.evaluate(input); // positions are then 0..n-1: every row, in order
        }
        Vector[] gathered = new Vector[input.columnCount()];
        for (int column : columns) {
            gathered[column] = input.column(column).gather(positions, count);
        }
        return evaluator.evaluate(new Chunk(gathered, count));
    }
}
