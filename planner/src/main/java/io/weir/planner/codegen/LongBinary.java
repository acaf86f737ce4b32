package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;

/**
 * {@code a op b} over long columns with a {@link LongOp} kernel. The operand shape (column-column,
 * column-constant, constant-column) is fixed at construction, so a constant is never materialized.
 * Results narrower than BIGINT (INT + INT is an INT) are range-checked after the kernel.
 */
final class LongBinary implements ScalarEvaluator {

    private final ScalarEvaluator left;
    private final ScalarEvaluator right;
    private final LongOp op;
    private final DataType type;
    private final long min;
    private final long max;

    /** Both operands must be long-valued and, if constant, not NULL (the caller folds NULL away). */
    LongBinary(ScalarEvaluator left, ScalarEvaluator right, LongOp op, DataType type) {
        this.left = left;
        this.right = right;
        this.op = op;
        this.type = type;
        TypeKind kind = type.kind();
        this.min = switch (kind) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        this.max = switch (kind) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public Vector evaluate(Chunk input) {
        int n = input.size();
        LongVector out = new LongVector(n);
        long[] o = out.values();
        boolean[] nulls;
        if (right instanceof Constant c) {
            LongVector a = (LongVector) left.evaluate(input);
            nulls = Nulls.of(a);
            try {
                op.vs(a.values(), c.longValue(), o, n);
            } catch (ArithmeticException e) {
                recheck(a.values(), null, c.longValue(), nulls, n, o);
            }
        } else if (left instanceof Constant c) {
            LongVector b = (LongVector) right.evaluate(input);
            nulls = Nulls.of(b);
            try {
                op.sv(c.longValue(), b.values(), o, n);
            } catch (ArithmeticException e) {
                recheckLeftConstant(c.longValue(), b.values(), nulls, n, o);
            }
        } else {
            LongVector a = (LongVector) left.evaluate(input);
            LongVector b = (LongVector) right.evaluate(input);
            nulls = Nulls.union(a, b, n);
            try {
                op.vv(a.values(), b.values(), o, n);
            } catch (ArithmeticException e) {
                recheck(a.values(), b.values(), 0, nulls, n, o);
            }
        }
        if (min != Long.MIN_VALUE) {
            checkRange(o, nulls, n);
        }
        Nulls.mark(out, nulls, n);
        return out;
    }

    /** Row by row over non-null rows: a failure here is real. {@code b == null} means the constant {@code bc}. */
    private void recheck(long[] a, long[] b, long bc, boolean[] nulls, int n, long[] out) {
        for (int i = 0; i < n; i++) {
            if (!Nulls.isNull(nulls, i)) {
                out[i] = applyChecked(a[i], b == null ? bc : b[i]);
            }
        }
    }

    private void recheckLeftConstant(long a, long[] b, boolean[] nulls, int n, long[] out) {
        for (int i = 0; i < n; i++) {
            if (!Nulls.isNull(nulls, i)) {
                out[i] = applyChecked(a, b[i]);
            }
        }
    }

    private long applyChecked(long a, long b) {
        if (b == 0 && op.divides()) {
            throw Decimals.divisionByZero();
        }
        try {
            return op.apply(a, b);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    private void checkRange(long[] values, boolean[] nulls, int n) {
        for (int i = 0; i < n; i++) {
            long v = values[i];
            if ((v < min || v > max) && !Nulls.isNull(nulls, i)) {
                throw overflow();
            }
        }
    }

    private WeirException overflow() {
        return WeirException.execution("Numeric overflow: the result of " + op.name() + " does not fit "
                + type.withNullable(true).sqlName());
    }
}
