package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Numeric functions: ABS, ROUND and TRUNCATE (HALF_UP and toward zero, to a number of fraction digits that
 * may be negative), FLOOR and CEIL (which also take {@code datetime TO unit}), SIGN, POWER, SQRT, EXP, LN,
 * LOG, LOG10, LOG2, trigonometry, PI and RAND. Exact types stay exact (decimals as scaled longs); the
 * transcendental functions work in DOUBLE, where, as in Flink, a domain error gives NaN.
 */
final class MathFunctions {

    private MathFunctions() {
    }

    static void register(FunctionRegistry r) {
        r.add("ABS", MathFunctions::abs);
        r.add("ROUND", c -> round(c, false));
        r.add("TRUNCATE", c -> round(c, true));
        r.add("FLOOR", c -> c.arity() == 2 ? DateTimeFunctions.floorOrCeil(c, false) : floorOrCeil(c, false));
        r.add("CEIL", c -> c.arity() == 2 ? DateTimeFunctions.floorOrCeil(c, true) : floorOrCeil(c, true));
        r.add("SIGN", MathFunctions::sign);
        r.add("POWER", c -> c.hasNullConstant() ? Constant.nullOf(c.type())
                : Binary.doubles(Arithmetic.toDouble(c.operand(0)), Arithmetic.toDouble(c.operand(1)), c.type(), Math::pow));
        r.add("ATAN2", c -> c.hasNullConstant() ? Constant.nullOf(c.type())
                : Binary.doubles(Arithmetic.toDouble(c.operand(0)), Arithmetic.toDouble(c.operand(1)), c.type(), Math::atan2));
        r.add("SQRT", c -> doubleFunction(c, Math::sqrt));
        r.add("CBRT", c -> doubleFunction(c, Math::cbrt));
        r.add("EXP", c -> doubleFunction(c, Math::exp));
        r.add("LN", c -> doubleFunction(c, Math::log));
        r.add("LOG10", c -> doubleFunction(c, Math::log10));
        r.add("LOG", MathFunctions::log);
        r.add("LOG2", c -> doubleFunction(c, x -> Math.log(x) / Math.log(2)));
        r.add("SIN", c -> doubleFunction(c, Math::sin));
        r.add("COS", c -> doubleFunction(c, Math::cos));
        r.add("TAN", c -> doubleFunction(c, Math::tan));
        r.add("COT", c -> doubleFunction(c, x -> 1.0 / Math.tan(x)));
        r.add("ASIN", c -> doubleFunction(c, Math::asin));
        r.add("ACOS", c -> doubleFunction(c, Math::acos));
        r.add("ATAN", c -> doubleFunction(c, Math::atan));
        r.add("DEGREES", c -> doubleFunction(c, Math::toDegrees));
        r.add("RADIANS", c -> doubleFunction(c, Math::toRadians));
        r.add("PI", c -> Constant.ofDouble(c.type(), Math.PI));
        r.add("RAND", MathFunctions::rand);
    }

    /** {@code LOG(x)} is LN; {@code LOG(base, x)} divides the natural logarithms, as Flink does. */
    private static ScalarEvaluator log(Call c) {
        if (c.arity() == 1) {
            return doubleFunction(c, Math::log);
        }
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        return Binary.doubles(Arithmetic.toDouble(c.operand(0)), Arithmetic.toDouble(c.operand(1)), c.type(),
                (base, x) -> Math.log(x) / Math.log(base));
    }

    private static ScalarEvaluator doubleFunction(Call c, DoubleUnaryOperator f) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        return Unary.doubleToDouble(Arithmetic.toDouble(c.operand(0)), c.type(), f);
    }

    /** The value at its own representation, then converted to the call's result type. */
    private static ScalarEvaluator toResult(ScalarEvaluator value, DataType type) {
        return Casts.sameRepresentation(value.type(), type) ? Retyped.of(value, type) : Casts.cast(value, type);
    }

    private static ScalarEvaluator abs(Call c) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        ScalarEvaluator x = c.operand(0);
        if (Casts.isDouble(x.type().kind())) {
            return Unary.doubleToDouble(x, c.type(), Math::abs);
        }
        requireScaledLong(c, x);
        return toResult(Unary.longToLong(x, x.type(), v -> {
            if (v == Long.MIN_VALUE) {
                throw Decimals.overflow();
            }
            return Math.abs(v);
        }), c.type());
    }

    private static void requireScaledLong(Call c, ScalarEvaluator x) {
        if (!Casts.isScaledLong(x.type().kind())) {
            throw c.unsupportedTypes();
        }
    }

    /** ROUND (HALF_UP) or TRUNCATE (toward zero) to {@code digits} fraction digits (default 0). */
    private static ScalarEvaluator round(Call c, boolean truncate) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        if (c.arity() == 2 && !c.isConstant(1)) {
            throw c.unsupported("a non-literal number of digits");
        }
        int digits = c.arity() == 2 ? (int) c.constant(1).longValue() : 0;
        ScalarEvaluator x = c.operand(0);
        DataType type = c.type();
        if (Casts.isDouble(type.kind()) || Casts.isDouble(x.type().kind())) {
            RoundingMode mode = truncate ? RoundingMode.DOWN : RoundingMode.HALF_UP;
            return toResult(Unary.doubleToDouble(Arithmetic.toDouble(x), DataType.DOUBLE.withNullable(x.type().nullable()),
                    v -> Double.isNaN(v) || Double.isInfinite(v) ? v : BigDecimal.valueOf(v).setScale(digits, mode).doubleValue()),
                    type);
        }
        requireScaledLong(c, x);
        int scale = x.type().decimalScale();
        if (digits >= scale) {
            return toResult(x, type);
        }
        int drop = scale - digits;
        if (drop > 18) {
            return toResult(Unary.longToLong(x, x.type(), v -> 0), type);
        }
        long unit = Decimals.pow10(drop);
        LongUnaryOperator f = truncate ? v -> v / unit * unit : v -> {
            try {
                return Math.multiplyExact(Decimals.divideHalfUp(v, unit), unit);
            } catch (ArithmeticException e) {
                throw Decimals.overflow();
            }
        };
        return toResult(Unary.longToLong(x, x.type(), f), type);
    }

    private static ScalarEvaluator floorOrCeil(Call c, boolean ceil) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        ScalarEvaluator x = c.operand(0);
        if (Casts.isDouble(x.type().kind())) {
            return toResult(Unary.doubleToDouble(x, x.type(), ceil ? Math::ceil : Math::floor), c.type());
        }
        requireScaledLong(c, x);
        int scale = x.type().decimalScale();
        if (scale == 0) {
            return toResult(x, c.type());
        }
        DataType integral = new DataType(TypeKind.DECIMAL, DataType.MAX_DECIMAL_PRECISION, 0, x.type().nullable());
        if (scale > 18) {
            // |value| < 1
            return toResult(Unary.longToLong(x, integral, ceil ? v -> v > 0 ? 1 : 0 : v -> v < 0 ? -1 : 0), c.type());
        }
        long unit = Decimals.pow10(scale);
        ScalarEvaluator whole = Unary.longToLong(x, integral, ceil ? v -> -Math.floorDiv(-v, unit) : v -> Math.floorDiv(v, unit));
        return toResult(whole, c.type());
    }

    private static ScalarEvaluator sign(Call c) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        ScalarEvaluator x = c.operand(0);
        if (Casts.isDouble(x.type().kind())) {
            return toResult(Unary.doubleToDouble(x, x.type(), Math::signum), c.type());
        }
        requireScaledLong(c, x);
        long one = Decimals.pow10(x.type().decimalScale());
        return toResult(Unary.longToLong(x, x.type(), v -> Long.signum(v) * one), c.type());
    }

    private static ScalarEvaluator rand(Call c) {
        if (c.arity() != 0) {
            throw c.unsupported("a seed");
        }
        return new Rand(c.type());
    }

    /** A new random double in [0, 1) per row; never folded (RAND is not deterministic). */
    private record Rand(DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            DoubleVector out = new DoubleVector(n);
            double[] o = out.values();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < n; i++) {
                o[i] = random.nextDouble();
            }
            return out;
        }
    }
}
