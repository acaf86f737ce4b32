package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.Vector;

/** {@code a op b} over double columns with a {@link DoubleOp} kernel; the operand shape is fixed at construction. */
final class DoubleBinary implements ScalarEvaluator {

    private final ScalarEvaluator left;
    private final ScalarEvaluator right;
    private final DoubleOp op;
    private final DataType type;

    /** Both operands must be double-valued and, if constant, not NULL. */
    DoubleBinary(ScalarEvaluator left, ScalarEvaluator right, DoubleOp op, DataType type) {
        this.left = left;
        this.right = right;
        this.op = op;
        this.type = type;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public Vector evaluate(Chunk input) {
        int n = input.size();
        DoubleVector out = new DoubleVector(n);
        double[] o = out.values();
        boolean[] nulls;
        if (right instanceof Constant c) {
            DoubleVector a = (DoubleVector) left.evaluate(input);
            nulls = Nulls.of(a);
            op.vs(a.values(), c.doubleValue(), o, n);
        } else if (left instanceof Constant c) {
            DoubleVector b = (DoubleVector) right.evaluate(input);
            nulls = Nulls.of(b);
            op.sv(c.doubleValue(), b.values(), o, n);
        } else {
            DoubleVector a = (DoubleVector) left.evaluate(input);
            DoubleVector b = (DoubleVector) right.evaluate(input);
            nulls = Nulls.union(a, b, n);
            op.vv(a.values(), b.values(), o, n);
        }
        Nulls.mark(out, nulls, n);
        return out;
    }
}
