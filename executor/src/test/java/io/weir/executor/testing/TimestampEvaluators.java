package io.weir.executor.testing;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;

/** Hand-written watermark expressions for runtime tests, as the planner compiles {@code WATERMARK FOR ts AS ts - d}. */
public final class TimestampEvaluators {

    private TimestampEvaluators() {
    }

    /** {@code column - delayMillis} over a TIMESTAMP(3) column; null stays null. */
    public static ScalarEvaluator minus(int column, long delayMillis) {
        return new ScalarEvaluator() {
            @Override
            public Vector evaluate(Chunk input) {
                LongVector source = input.longColumn(column);
                LongVector result = new LongVector(input.size());
                for (int row = 0; row < input.size(); row++) {
                    if (source.isNull(row)) {
                        result.setNull(row);
                    } else {
                        result.set(row, source.get(row) - delayMillis);
                    }
                }
                return result;
            }

            @Override
            public DataType type() {
                return DataType.TIMESTAMP;
            }
        };
    }

    /** {@code WATERMARK FOR <column> AS <column> - delayMillis}, emitted every {@code intervalMillis}. */
    public static WatermarkStrategy boundedOutOfOrderness(int column, long delayMillis, long intervalMillis,
            long idleTimeoutMillis) {
        return new WatermarkStrategy(minus(column, delayMillis), intervalMillis, idleTimeoutMillis);
    }
}
