/**
 * The machinery that runs a job graph: internal to the executor, never imported outside it (the public entry
 * point is {@code io.weir.executor.job}).
 *
 * <p>A job becomes one {@link io.weir.executor.runtime.Task} per chain of vertices and subtask, each on its own
 * thread ({@link io.weir.executor.runtime.TaskGraphBuilder}). Vertices joined by a forward edge of equal
 * parallelism are chained into direct calls; every other edge becomes bounded
 * {@link io.weir.executor.runtime.Channel}s, written by a partitioning, coalescing edge writer on the producer's
 * thread and read, all inputs in turn, by the consumer's input gate. Key routing follows
 * {@link io.weir.executor.runtime.KeyGroups}.
 *
 * <p>Event time: a source task derives watermarks per split from the vertex's watermark strategy and tells
 * downstream when all its splits are idle ({@code SplitWatermarks}); an operator task combines its channels'
 * watermarks and idleness ({@code WatermarkValve}) and forwards both. Both are pure classes reporting to a
 * {@code WatermarkOutput}. Processing-time timers are kept per chained operator ({@code OperatorTimerService})
 * and fired by the task loop, which polls the injected clock. Per-vertex statistics live in
 * {@link io.weir.executor.runtime.VertexMetrics}.
 */
package io.weir.executor.runtime;
