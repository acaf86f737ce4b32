package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.PhysicalType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;

/**
 * {@code + - * / %} and unary minus on numbers; datetime and interval operands go to {@link DateTimeArithmetic}.
 *
 * <p>The result type is the one Calcite derived. Integers use exact arithmetic (overflow is an error,
 * {@code /} truncates); DECIMAL works on unscaled longs: addition and remainder align the scales,
 * multiplication and division round to the result scale HALF_UP; DOUBLE follows IEEE. Operands of mixed
 * types (INT with DECIMAL, BIGINT with DOUBLE) are coerced here, where Calcite leaves them as they are.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static void register(FunctionRegistry registry) {
        registry.add("+", c -> binary(c, LongOp.ADD, DoubleOp.ADD));
        registry.add("-", c -> binary(c, LongOp.SUBTRACT, DoubleOp.SUBTRACT));
        registry.add("*", c -> binary(c, LongOp.MULTIPLY, DoubleOp.MULTIPLY));
        registry.add("/", c -> binary(c, LongOp.DIVIDE, DoubleOp.DIVIDE));
        registry.add("MOD", c -> binary(c, LongOp.MOD, DoubleOp.MOD));
        registry.add("%", c -> binary(c, LongOp.MOD, DoubleOp.MOD));
        registry.add("/INT", Arithmetic::integerDivide);
        registry.add(FunctionRegistry.NEGATE, Arithmetic::negate);
        registry.add(FunctionRegistry.UNARY_PLUS, c -> Retyped.of(c.operand(0), c.type()));
    }

    private static ScalarEvaluator binary(Call c, LongOp longOp, DoubleOp doubleOp) {
        if (c.arity() != 2) {
            throw c.unsupportedTypes();
        }
        DataType type = c.type();
        if (c.hasNullConstant()) {
            return Constant.nullOf(type);
        }
        if (DateTimeArithmetic.applies(c)) {
            return DateTimeArithmetic.compile(c, longOp);
        }
        ScalarEvaluator a = c.operand(0);
        ScalarEvaluator b = c.operand(1);
        TypeKind kind = type.kind();
        if (Casts.isDouble(kind)) {
            return new DoubleBinary(toDouble(a), toDouble(b), doubleOp, type);
        }
        if (kind.isIntegral()) {
            return new LongBinary(scaled(a, 0, c), scaled(b, 0, c), longOp, type);
        }
        if (kind == TypeKind.DECIMAL) {
            return decimal(c, longOp, type);
        }
        throw c.unsupportedTypes();
    }

    private static ScalarEvaluator decimal(Call c, LongOp op, DataType type) {
        int rs = type.decimalScale();
        ScalarEvaluator a = scaledOrDecimal(c.operand(0), rs, c);
        ScalarEvaluator b = scaledOrDecimal(c.operand(1), rs, c);
        int sa = a.type().decimalScale();
        int sb = b.type().decimalScale();
        switch (op) {
            case MULTIPLY: {
                int productScale = sa + sb;
                if (productScale == rs) {
                    return new LongBinary(a, b, LongOp.MULTIPLY, type);
                }
                if (productScale > rs) {
                    int drop = productScale - rs;
                    return Binary.longs(a, b, type, (x, y) -> Decimals.multiply(x, y, drop));
                }
                ScalarEvaluator product = new LongBinary(a, b, LongOp.MULTIPLY, wideDecimal(productScale, type));
                return Casts.cast(product, type);
            }
            case DIVIDE:
                return Binary.longs(a, b, type, (x, y) -> Decimals.divide(x, sa, y, sb, rs));
            default: {
                int common = Math.max(sa, sb);
                ScalarEvaluator result = new LongBinary(scaled(a, common, c), scaled(b, common, c), op,
                        wideDecimal(common, type));
                return common == rs ? Retyped.of(result, type) : Casts.cast(result, type);
            }
        }
    }

    /** The widest DECIMAL of the given scale, with the nullability of {@code like}. */
    static DataType wideDecimal(int scale, DataType like) {
        return new DataType(TypeKind.DECIMAL, DataType.MAX_DECIMAL_PRECISION, scale, like.nullable());
    }

    static ScalarEvaluator toDouble(ScalarEvaluator e) {
        if (e.type().physical() == PhysicalType.DOUBLE) {
            return e;
        }
        return Casts.cast(e, DataType.DOUBLE.withNullable(e.type().nullable()));
    }

    /** The operand as a scaled long of exactly {@code scale} fraction digits. */
    private static ScalarEvaluator scaled(ScalarEvaluator e, int scale, Call c) {
        TypeKind kind = e.type().kind();
        if (!Casts.isScaledLong(kind) && !Casts.isDouble(kind)) {
            throw c.unsupportedTypes();
        }
        if (Casts.isScaledLong(kind) && e.type().decimalScale() == scale) {
            return e;
        }
        return Casts.cast(e, wideDecimal(scale, e.type()));
    }

    /** A scaled-long operand as it is; a DOUBLE operand as a decimal of the result scale. */
    private static ScalarEvaluator scaledOrDecimal(ScalarEvaluator e, int resultScale, Call c) {
        return Casts.isScaledLong(e.type().kind()) ? e : scaled(e, resultScale, c);
    }

    /** Calcite's {@code /INT}: truncating division of two long-valued operands (used in TIMESTAMPDIFF). */
    private static ScalarEvaluator integerDivide(Call c) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        ScalarEvaluator a = c.operand(0);
        ScalarEvaluator b = c.operand(1);
        if (a.type().physical() != PhysicalType.LONG || b.type().physical() != PhysicalType.LONG
                || a.type().decimalScale() != 0 || b.type().decimalScale() != 0) {
            throw c.unsupportedTypes();
        }
        return new LongBinary(a, b, LongOp.DIVIDE, c.type());
    }

    private static ScalarEvaluator negate(Call c) {
        DataType type = c.type();
        ScalarEvaluator a = c.operand(0);
        if (c.hasNullConstant()) {
            return Constant.nullOf(type);
        }
        TypeKind kind = type.kind();
        if (Casts.isDouble(kind)) {
            return Unary.doubleToDouble(toDouble(a), type, v -> -v);
        }
        if (type.physical() != PhysicalType.LONG || a.type().physical() != PhysicalType.LONG) {
            throw c.unsupportedTypes();
        }
        ScalarEvaluator operand = Casts.sameRepresentation(a.type(), type) || !Casts.isScaledLong(kind)
                ? a : Casts.cast(a, type);
        return Unary.longToLong(operand, type, v -> {
            long r;
            try {
                r = Math.negateExact(v);
            } catch (ArithmeticException e) {
                throw WeirException.execution("Numeric overflow: -(" + v + ") does not fit " + type.withNullable(true).sqlName());
            }
            if (kind.isIntegral() && kind != TypeKind.BIGINT) {
                Values.checkRange(r, kind);
            }
            return r;
        });
    }
}
