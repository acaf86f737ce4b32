package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;
import java.util.Arrays;

/**
 * Three-valued logic: AND, OR, NOT and the {@code IS [NOT] NULL/TRUE/FALSE/UNKNOWN} tests.
 *
 * <p>AND and OR are lazy: each operand after the first runs only over the rows the ones before it left
 * undecided (not FALSE for AND, not TRUE for OR), so a guard such as {@code x <> 0 AND 10 / x > 1} protects
 * the division as users expect.
 */
final class Logic {

    private Logic() {
    }

    static void register(FunctionRegistry registry) {
        registry.add("AND", c -> junction(c, true));
        registry.add("OR", c -> junction(c, false));
        registry.add("NOT", c -> new Not(bool(c.operand(0)), c.type()));
        registry.add("IS NULL", c -> new Test(c.operand(0), Test.IS_NULL, c.type()));
        registry.add("IS UNKNOWN", c -> new Test(c.operand(0), Test.IS_NULL, c.type()));
        registry.add("IS NOT NULL", c -> new Test(c.operand(0), Test.IS_NOT_NULL, c.type()));
        registry.add("IS NOT UNKNOWN", c -> new Test(c.operand(0), Test.IS_NOT_NULL, c.type()));
        registry.add("IS TRUE", c -> new Test(bool(c.operand(0)), Test.IS_TRUE, c.type()));
        registry.add("IS NOT TRUE", c -> new Test(bool(c.operand(0)), Test.IS_NOT_TRUE, c.type()));
        registry.add("IS FALSE", c -> new Test(bool(c.operand(0)), Test.IS_FALSE, c.type()));
        registry.add("IS NOT FALSE", c -> new Test(bool(c.operand(0)), Test.IS_NOT_FALSE, c.type()));
    }

    /** A boolean operand; an untyped NULL literal becomes a BOOLEAN one (it is carried in a long vector). */
    static ScalarEvaluator bool(ScalarEvaluator operand) {
        return operand.type().kind() == TypeKind.NULL ? Constant.nullOf(DataType.BOOLEAN) : operand;
    }

    private static ScalarEvaluator junction(Call c, boolean and) {
        LazyOperand[] operands = new LazyOperand[c.arity()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = LazyOperand.of(bool(c.operand(i)), c.rexOperand(i));
        }
        return new Junction(operands, and, c.type());
    }

    /** AND ({@code and}) or OR over two or more operands. */
    private record Junction(LazyOperand[] operands, boolean and, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            BooleanVector first = (BooleanVector) operands[0].evaluate(input);
            boolean[] value = Arrays.copyOf(first.values(), n);
            boolean[] unknown = first.mayHaveNulls() ? Arrays.copyOf(first.nullMask(), n) : new boolean[n];
            // The value that decides a row: FALSE for AND, TRUE for OR.
            boolean decisive = !and;
            int[] positions = new int[n];
            for (int k = 1; k < operands.length; k++) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (unknown[i] || value[i] != decisive) {
                        positions[count++] = i;
                    }
                }
                if (count == 0) {
                    break;
                }
                BooleanVector next = (BooleanVector) operands[k].evaluate(input, positions, count);
                boolean[] nv = next.values();
                for (int j = 0; j < count; j++) {
                    int i = positions[j];
                    if (next.isNull(j)) {
                        unknown[i] = true;
                    } else if (nv[j] == decisive) {
                        value[i] = decisive;
                        unknown[i] = false;
                    }
                }
            }
            BooleanVector out = new BooleanVector(n);
            System.arraycopy(value, 0, out.values(), 0, n);
            Nulls.mark(out, unknown, n);
            return out;
        }
    }

    private record Not(ScalarEvaluator operand, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            BooleanVector in = (BooleanVector) operand.evaluate(input);
            BooleanVector out = new BooleanVector(n);
            boolean[] a = in.values();
            boolean[] o = out.values();
            for (int i = 0; i < n; i++) {
                o[i] = !a[i];
            }
            Nulls.mark(out, Nulls.of(in), n);
            return out;
        }
    }

    /** A test that is never NULL. */
    private record Test(ScalarEvaluator operand, int test, DataType type) implements ScalarEvaluator {
        static final int IS_NULL = 0;
        static final int IS_NOT_NULL = 1;
        static final int IS_TRUE = 2;
        static final int IS_NOT_TRUE = 3;
        static final int IS_FALSE = 4;
        static final int IS_NOT_FALSE = 5;

        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            Vector in = operand.evaluate(input);
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            boolean[] nulls = Nulls.of(in);
            if (test == IS_NULL || test == IS_NOT_NULL) {
                boolean whenNull = test == IS_NULL;
                for (int i = 0; i < n; i++) {
                    o[i] = Nulls.isNull(nulls, i) == whenNull;
                }
                return out;
            }
            boolean[] a = ((BooleanVector) in).values();
            // IS TRUE: value is TRUE; IS FALSE: value is FALSE; the NOT forms are the complements.
            boolean wanted = test == IS_TRUE || test == IS_NOT_TRUE;
            boolean negate = test == IS_NOT_TRUE || test == IS_NOT_FALSE;
            for (int i = 0; i < n; i++) {
                boolean holds = !Nulls.isNull(nulls, i) && a[i] == wanted;
                o[i] = holds != negate;
            }
            return out;
        }
    }
}
