package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;

/** Column {@code index} of the input chunk, returned as is (no copy). */
record ColumnRef(int index, DataType type) implements ScalarEvaluator {

    @Override
    public Vector evaluate(Chunk input) {
        return input.column(index);
    }
}
