/**
 * The machinery that runs a job graph: internal to the executor, never imported outside it (the public entry
 * point is {@code io.weir.executor.job}).
 *
 * <p>A job becomes one {@link io.weir.executor.runtime.Task} per chain of vertices and subtask, each on its own
 * thread ({@link io.weir.executor.runtime.TaskGraphBuilder}). Vertices joined by a forward edge of equal
 * parallelism are chained into direct calls; every other edge becomes bounded
 * {@link io.weir.executor.runtime.Channel}s, written by a partitioning, coalescing edge writer on the producer's
 * thread and read, all inputs in turn, by the consumer's input gate. Watermarks are combined by the pure
 * {@link io.weir.executor.runtime.WatermarkValve}; key routing follows {@link io.weir.executor.runtime.KeyGroups}.
 */
package io.weir.executor.runtime;
