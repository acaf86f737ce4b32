package io.weir.executor.operators;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.api.ResultCollector;
import io.weir.executor.data.Chunk;
import java.util.Objects;

/** The last operator of a query whose rows go back to the client: hands every non-empty chunk to a collector. */
public final class CollectSinkOperator implements Operator {

    private final ResultCollector collector;

    public CollectSinkOperator(ResultCollector collector) {
        this.collector = Objects.requireNonNull(collector, "collector");
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (!chunk.isEmpty()) {
            collector.collect(chunk);
        }
    }
}
