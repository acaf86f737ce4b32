package io.weir.planner.jobgraph;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;

/** {@code window_time}, computed from a {@code window_end} column: the window's last millisecond. */
final class WindowTimeEvaluator implements ScalarEvaluator {

    private final int windowEndColumn;

    WindowTimeEvaluator(int windowEndColumn) {
        this.windowEndColumn = windowEndColumn;
    }

    @Override
    public Vector evaluate(Chunk input) {
        long[] ends = input.longColumn(windowEndColumn).values();
        int size = input.size();
        LongVector times = new LongVector(size);
        long[] values = times.values();
        for (int i = 0; i < size; i++) {
            values[i] = ends[i] - 1;
        }
        return times;
    }

    @Override
    public DataType type() {
        return DataType.TIMESTAMP.withNullable(false);
    }
}
