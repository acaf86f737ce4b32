package io.weir.executor.operators;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.util.function.Function;

/** Hand-made {@link ScalarEvaluator}s standing in for the planner's compiled expressions. */
public final class Evaluators {

    private Evaluators() {
    }

    /** A column reference: returns the input's own vector, as compiled column references do. */
    public static ScalarEvaluator column(int index, DataType type) {
        return new ScalarEvaluator() {
            @Override
            public Vector evaluate(Chunk input) {
                return input.column(index);
            }

            @Override
            public DataType type() {
                return type;
            }
        };
    }

    /** {@code column > constant} over a long column, vectorized; UNKNOWN where the column is null. */
    public static ScalarEvaluator greaterThan(int index, long constant) {
        return new ScalarEvaluator() {
            @Override
            public Vector evaluate(Chunk input) {
                LongVector column = input.longColumn(index);
                long[] values = column.values();
                BooleanVector out = new BooleanVector(input.size());
                boolean[] result = out.values();
                for (int r = 0; r < input.size(); r++) {
                    result[r] = values[r] > constant;
                    if (column.isNull(r)) {
                        out.setNull(r);
                    }
                }
                return out;
            }

            @Override
            public DataType type() {
                return DataType.BOOLEAN;
            }
        };
    }

    /**
     * A row-at-a-time expression over the row's raw values (longs, doubles, strings, booleans), for tests only:
     * the function's result is written as an external value of {@code type}; null is SQL NULL.
     */
    public static ScalarEvaluator rowWise(DataType type, Function<Object[], Object> function) {
        return new ScalarEvaluator() {
            @Override
            public Vector evaluate(Chunk input) {
                Vector out = Vector.allocate(type, input.size());
                for (int r = 0; r < input.size(); r++) {
                    Values.setExternal(type, out, r, function.apply(input.rowObjects(r)));
                }
                return out;
            }

            @Override
            public DataType type() {
                return type;
            }
        };
    }

    /** A BOOLEAN row-at-a-time predicate; a null result is UNKNOWN. */
    public static ScalarEvaluator predicate(Function<Object[], Boolean> function) {
        return rowWise(DataType.BOOLEAN, function::apply);
    }
}
