package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/** A call being compiled: the Calcite call, its compiled operands and its result type. */
final class Call {

    private final RexCall rex;
    private final List<ScalarEvaluator> operands;
    private final DataType type;
    private final Compilation compilation;

    Call(RexCall rex, List<ScalarEvaluator> operands, DataType type, Compilation compilation) {
        this.rex = rex;
        this.operands = operands;
        this.type = type;
        this.compilation = compilation;
    }

    RexCall rex() {
        return rex;
    }

    /** The operator's name in upper case, as users spell it. */
    String name() {
        return rex.getOperator().getName().toUpperCase(Locale.ROOT);
    }

    /** The result type Calcite derived. */
    DataType type() {
        return type;
    }

    int arity() {
        return operands.size();
    }

    List<ScalarEvaluator> operands() {
        return operands;
    }

    ScalarEvaluator operand(int i) {
        return operands.get(i);
    }

    DataType operandType(int i) {
        return operands.get(i).type();
    }

    RexNode rexOperand(int i) {
        return rex.getOperands().get(i);
    }

    boolean isConstant(int i) {
        return operands.get(i) instanceof Constant;
    }

    Constant constant(int i) {
        return (Constant) operands.get(i);
    }

    /** A symbol operand such as {@code FLAG(YEAR)} or {@code FLAG(BOTH)}. */
    <E extends Enum<E>> E symbol(int i, Class<E> symbolClass) {
        if (!(rexOperand(i) instanceof RexLiteral literal)) {
            throw unsupported("a non-literal " + symbolClass.getSimpleName());
        }
        E value = literal.getValueAs(symbolClass);
        if (value == null) {
            throw unsupported("operand " + literal);
        }
        return value;
    }

    long queryStartMillis() {
        return compilation.queryStartMillis();
    }

    Compilation compilation() {
        return compilation;
    }

    /** True when any operand is the constant NULL: a strict function then returns NULL. */
    boolean hasNullConstant() {
        for (ScalarEvaluator operand : operands) {
            if (operand instanceof Constant c && c.isNull()) {
                return true;
            }
        }
        return false;
    }

    /** A PLAN error naming the function, with what about its use is not supported. */
    WeirException unsupported(String what) {
        return WeirException.plan("Function " + name() + " is not supported with " + what);
    }

    /** A PLAN error naming the function for the given operand types. */
    WeirException unsupportedTypes() {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < operands.size(); i++) {
            types.append(i == 0 ? "" : ", ").append(operands.get(i).type().withNullable(true).sqlName());
        }
        return WeirException.plan("Function " + name() + " is not supported for arguments (" + types + ")");
    }
}
