package io.weir.planner.codegen;

import io.weir.executor.api.WeirException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rex.RexCall;

/**
 * Which {@link CallCompiler} compiles which operator, by the operator's name (unary minus and plus, which
 * share their names with the binary operators, by kind). Each area of the library registers its own.
 */
final class FunctionRegistry {

    static final String NEGATE = "-/unary";
    static final String UNARY_PLUS = "+/unary";

    private static final FunctionRegistry INSTANCE = new FunctionRegistry();

    private final Map<String, CallCompiler> compilers = new HashMap<>();

    private FunctionRegistry() {
        Arithmetic.register(this);
        Comparisons.register(this);
        Logic.register(this);
        CaseCompiler.register(this);
        add("CAST", c -> Casts.cast(c.operand(0), c.type()));
        add("REINTERPRET", c -> c.operandType(0).physical() == c.type().physical()
                ? Retyped.of(c.operand(0), c.type()) : Casts.cast(c.operand(0), c.type()));
        StringFunctions.register(this);
        PatternFunctions.register(this);
        DateTimeFunctions.register(this);
        MathFunctions.register(this);
    }

    void add(String name, CallCompiler compiler) {
        if (compilers.putIfAbsent(name, compiler) != null) {
            throw new IllegalStateException("Two compilers for " + name);
        }
    }

    static CallCompiler lookup(RexCall call) {
        String key = switch (call.getKind()) {
            case MINUS_PREFIX -> NEGATE;
            case PLUS_PREFIX -> UNARY_PLUS;
            default -> call.getOperator().getName().toUpperCase(Locale.ROOT);
        };
        CallCompiler compiler = INSTANCE.compilers.get(key);
        if (compiler == null) {
            throw WeirException.plan("Function " + call.getOperator().getName() + " is not supported");
        }
        return compiler;
    }
}
