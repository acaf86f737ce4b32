package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.DataType;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Compiles Calcite expressions into vectorized {@link ScalarEvaluator}s.
 *
 * <p>Each node of the expression becomes an evaluator that evaluates its operands to vectors and loops
 * once over their typed arrays; the loop for an operator and operand shape (column-column,
 * column-constant) is chosen here, at compile time, so evaluation does no per-row dispatch, boxing or
 * allocation on numeric paths. Calls over constants are folded. CASE branches and the right sides of
 * AND/OR run only over the rows that reach them.
 *
 * <p>Errors: an operator or type combination Weir cannot evaluate is a PLAN {@link
 * io.weir.executor.api.WeirException} thrown by {@link #compile}; failures in the data (overflow,
 * division by zero, unreadable text) are EXECUTION errors thrown by the evaluator.
 *
 * <p>Time: {@code CURRENT_TIMESTAMP}, {@code NOW()} and friends are the query start, constant for the
 * whole query; the session time zone is UTC.
 *
 * <p>Planner settings this relies on: the validator uses {@code WeirFunctions.operatorTable()}, and
 * {@code SqlToRelConverter} keeps IN lists as expressions ({@code withInSubQueryThreshold(Integer.MAX_VALUE)},
 * as Flink does) so they arrive as {@code SEARCH} calls. Expressions of a {@code RexProgram} must have their
 * {@code RexLocalRef}s expanded first.
 */
public final class ExpressionCompiler {

    private final RexBuilder rexBuilder;
    private final long queryStartMillis;

    /**
     * @param rexBuilder the builder of the plan the expressions come from (used to expand some calls)
     * @param queryStartMillis the query's start in epoch millis: the value of CURRENT_TIMESTAMP and NOW()
     */
    public ExpressionCompiler(RexBuilder rexBuilder, long queryStartMillis) {
        this.rexBuilder = rexBuilder;
        this.queryStartMillis = queryStartMillis;
    }

    /**
     * Compiles {@code expression} over rows whose column {@code i} has type {@code inputTypes.get(i)}
     * ({@code RexInputRef} {@code i}). The evaluator's {@link ScalarEvaluator#type()} is the expression's
     * type as mapped by {@link DataTypes#toDataType}.
     */
    public ScalarEvaluator compile(RexNode expression, List<DataType> inputTypes) {
        ScalarEvaluator evaluator = new Compilation(rexBuilder, queryStartMillis, inputTypes).compile(expression);
        DataType type = DataTypes.toDataType(expression.getType());
        if (evaluator.type().equals(type)) {
            return evaluator;
        }
        // A column reference, say, reports the input's nullability; the contract is the expression's type.
        return Casts.sameRepresentation(evaluator.type(), type) ? Retyped.of(evaluator, type) : Casts.cast(evaluator, type);
    }

    /** Compiles each expression (a projection's list) over the same input; see {@link #compile(RexNode, List)}. */
    public List<ScalarEvaluator> compile(List<? extends RexNode> expressions, List<DataType> inputTypes) {
        return expressions.stream().map(e -> compile(e, inputTypes)).toList();
    }
}
