package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.Arrays;

/**
 * {@code PROCTIME()}: the wall-clock time a chunk is evaluated, for every row of it. Evaluators have no
 * operator context, so this reads the system clock; processing-time windows do not depend on it, they take
 * their time from the operator's injected clock.
 */
final class ProctimeEvaluator implements ScalarEvaluator {

    private final DataType type;

    ProctimeEvaluator(DataType type) {
        this.type = type;
    }

    @Override
    public Vector evaluate(Chunk input) {
        LongVector now = new LongVector(input.size());
        Arrays.fill(now.values(), 0, input.size(), System.currentTimeMillis());
        return now;
    }

    @Override
    public DataType type() {
        return type;
    }
}
