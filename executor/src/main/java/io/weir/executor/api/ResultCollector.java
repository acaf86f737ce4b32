package io.weir.executor.api;

import io.weir.executor.data.Chunk;

/**
 * Receives the rows of a query's final sink (the server's result buffer). Called from the sink's task
 * thread; when the sink runs with parallelism above one, implementations must be thread-safe.
 */
@FunctionalInterface
public interface ResultCollector {

    /** Takes a chunk of result rows; the chunk is immutable, so it may be kept. May block (backpressure). */
    void collect(Chunk chunk);
}
