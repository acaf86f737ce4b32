package io.weir.executor.graph;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.data.DataType;
import java.util.List;

/**
 * One node of a {@link JobGraph}: either a source (a {@link SourceFactory}, with the table's
 * {@link WatermarkStrategy} or null when it has no event time) or an operator with {@code inputCount} inputs,
 * run by {@code parallelism} subtasks, producing rows of {@code outputTypes}.
 */
public record JobVertex(
        int id,
        String name,
        int parallelism,
        SourceFactory source,
        WatermarkStrategy watermarkStrategy,
        OperatorFactory operator,
        int inputCount,
        List<DataType> outputTypes) {

    public JobVertex {
        if ((source == null) == (operator == null)) {
            throw new IllegalArgumentException("A vertex is either a source or an operator: " + name);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be positive: " + name);
        }
        outputTypes = List.copyOf(outputTypes);
    }

    public boolean isSource() {
        return source != null;
    }
}
