package io.weir.executor.connector.blackhole;

import io.weir.executor.api.Counter;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;

/** One subtask of {@code INSERT INTO} a blackhole table: counts the rows of each chunk and drops them. */
final class BlackholeSinkOperator implements Operator {

    private Counter discarded;

    @Override
    public void open(OperatorContext context) {
        discarded = context.counter(BlackholeConnectorFactory.ROWS_DISCARDED);
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        discarded.inc(chunk.size());
    }
}
