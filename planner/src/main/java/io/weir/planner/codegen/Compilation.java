package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/** One expression being compiled against one input row type: the recursive walk over the RexNode tree. */
final class Compilation {

    private final RexBuilder rexBuilder;
    private final long queryStartMillis;
    private final List<DataType> inputTypes;

    Compilation(RexBuilder rexBuilder, long queryStartMillis, List<DataType> inputTypes) {
        this.rexBuilder = rexBuilder;
        this.queryStartMillis = queryStartMillis;
        this.inputTypes = List.copyOf(inputTypes);
    }

    RexBuilder rexBuilder() {
        return rexBuilder;
    }

    long queryStartMillis() {
        return queryStartMillis;
    }

    ScalarEvaluator compile(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return inputRef(ref);
        }
        if (node instanceof RexLiteral literal) {
            return Literals.constant(literal, DataTypes.toDataType(literal.getType()));
        }
        if (node instanceof RexCall call) {
            return call(call);
        }
        throw WeirException.plan("Expression " + node + " is not supported");
    }

    private ScalarEvaluator inputRef(RexInputRef ref) {
        int index = ref.getIndex();
        if (index >= inputTypes.size()) {
            throw WeirException.plan("Expression refers to column " + index + " of a row with " + inputTypes.size() + " columns");
        }
        DataType actual = inputTypes.get(index);
        DataType declared = DataTypes.toDataType(ref.getType());
        ScalarEvaluator column = new ColumnRef(index, actual);
        // The runtime vector is what it is; when the plan sees it with another representation (say another
        // decimal scale), convert rather than misread it.
        return Casts.sameRepresentation(actual, declared) ? column : Casts.cast(column, declared);
    }

    private ScalarEvaluator call(RexCall call) {
        DataType type = DataTypes.toDataType(call.getType());
        if (call.getKind() == SqlKind.SEARCH) {
            ScalarEvaluator operand = compile(call.getOperands().get(0));
            return fold(call, SearchCompiler.compile(call, operand, type, this), List.of(operand));
        }
        List<ScalarEvaluator> operands = new ArrayList<>(call.getOperands().size());
        for (RexNode operand : call.getOperands()) {
            operands.add(compile(operand));
        }
        CallCompiler compiler = FunctionRegistry.lookup(call);
        ScalarEvaluator evaluator = compiler.compile(new Call(call, List.copyOf(operands), type, this));
        return fold(call, evaluator, operands);
    }

    /**
     * Replaces a deterministic call over constants by its value. A call that fails on its constants (say
     * {@code 1 / 0} in a CASE branch no row reaches) stays unfolded so that it fails only if a row reaches it.
     */
    private static ScalarEvaluator fold(RexCall call, ScalarEvaluator evaluator, List<ScalarEvaluator> operands) {
        if (evaluator instanceof Constant || !call.getOperator().isDeterministic()) {
            return evaluator;
        }
        for (ScalarEvaluator operand : operands) {
            if (!(operand instanceof Constant)) {
                return evaluator;
            }
        }
        return Folding.fold(evaluator);
    }
}
