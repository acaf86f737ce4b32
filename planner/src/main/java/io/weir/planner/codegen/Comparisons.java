package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;

/**
 * {@code = <> < <= > >=} on every type (strings by {@code compareTo}, FALSE before TRUE), and
 * {@code IS [NOT] DISTINCT FROM}. Comparing with NULL gives NULL; a constant operand stays a scalar.
 */
final class Comparisons {

    private Comparisons() {
    }

    static void register(FunctionRegistry registry) {
        registry.add("=", c -> compile(c, CompareOp.EQUALS));
        registry.add("<>", c -> compile(c, CompareOp.NOT_EQUALS));
        registry.add("<", c -> compile(c, CompareOp.LESS_THAN));
        registry.add("<=", c -> compile(c, CompareOp.LESS_THAN_OR_EQUAL));
        registry.add(">", c -> compile(c, CompareOp.GREATER_THAN));
        registry.add(">=", c -> compile(c, CompareOp.GREATER_THAN_OR_EQUAL));
        registry.add("IS DISTINCT FROM", c -> distinct(c, true));
        registry.add("IS NOT DISTINCT FROM", c -> distinct(c, false));
    }

    static ScalarEvaluator compile(Call c, CompareOp op) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        ScalarEvaluator[] operands = Coercion.common(c.operand(0), c.operand(1));
        return compare(operands[0], operands[1], op, c.type());
    }

    /** {@code a op b} for operands of one representation. */
    static ScalarEvaluator compare(ScalarEvaluator a, ScalarEvaluator b, CompareOp op, DataType type) {
        if (a instanceof Constant && !(b instanceof Constant)) {
            return compare(b, a, op.flip(), type);
        }
        return switch (a.type().physical()) {
            case LONG -> new LongCompare(a, b, op, type);
            case DOUBLE -> new DoubleCompare(a, b, op, type);
            case STRING -> new StringCompare(a, b, op, type);
            case BOOLEAN -> new BooleanCompare(a, b, op, type);
        };
    }

    private static ScalarEvaluator distinct(Call c, boolean distinct) {
        ScalarEvaluator[] operands = Coercion.common(c.operand(0), c.operand(1));
        return new Distinct(operands[0], operands[1], distinct, c.type());
    }

    private record LongCompare(ScalarEvaluator a, ScalarEvaluator b, CompareOp op, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            LongVector x = (LongVector) a.evaluate(input);
            BooleanVector out = new BooleanVector(n);
            if (b instanceof Constant c) {
                op.longs(x.values(), c.longValue(), out.values(), n);
                Nulls.mark(out, Nulls.of(x), n);
            } else {
                LongVector y = (LongVector) b.evaluate(input);
                op.longs(x.values(), y.values(), out.values(), n);
                Nulls.mark(out, Nulls.union(x, y, n), n);
            }
            return out;
        }
    }

    private record DoubleCompare(ScalarEvaluator a, ScalarEvaluator b, CompareOp op, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            DoubleVector x = (DoubleVector) a.evaluate(input);
            BooleanVector out = new BooleanVector(n);
            if (b instanceof Constant c) {
                op.doubles(x.values(), c.doubleValue(), out.values(), n);
                Nulls.mark(out, Nulls.of(x), n);
            } else {
                DoubleVector y = (DoubleVector) b.evaluate(input);
                op.doubles(x.values(), y.values(), out.values(), n);
                Nulls.mark(out, Nulls.union(x, y, n), n);
            }
            return out;
        }
    }

    private record StringCompare(ScalarEvaluator a, ScalarEvaluator b, CompareOp op, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            StringVector x = (StringVector) a.evaluate(input);
            StringVector y = (StringVector) b.evaluate(input);
            boolean[] nulls = Nulls.union(x, y, n);
            String[] xs = x.values();
            String[] ys = y.values();
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            boolean equality = op == CompareOp.EQUALS || op == CompareOp.NOT_EQUALS;
            for (int i = 0; i < n; i++) {
                if (Nulls.isNull(nulls, i)) {
                    out.setNull(i);
                } else if (equality) {
                    o[i] = xs[i].equals(ys[i]) == (op == CompareOp.EQUALS);
                } else {
                    o[i] = op.test(xs[i].compareTo(ys[i]));
                }
            }
            return out;
        }
    }

    private record BooleanCompare(ScalarEvaluator a, ScalarEvaluator b, CompareOp op, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            BooleanVector x = (BooleanVector) a.evaluate(input);
            BooleanVector y = (BooleanVector) b.evaluate(input);
            boolean[] xs = x.values();
            boolean[] ys = y.values();
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            for (int i = 0; i < n; i++) {
                o[i] = op.test(Boolean.compare(xs[i], ys[i]));
            }
            Nulls.mark(out, Nulls.union(x, y, n), n);
            return out;
        }
    }

    /** Never NULL: two NULLs are not distinct, a NULL and a value are. */
    private record Distinct(ScalarEvaluator a, ScalarEvaluator b, boolean distinct, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            Vector x = a.evaluate(input);
            Vector y = b.evaluate(input);
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            for (int i = 0; i < n; i++) {
                o[i] = x.valueEquals(i, y, i) != distinct;
            }
            return out;
        }
    }
}
