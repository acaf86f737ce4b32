package io.weir.executor.job;

/**
 * What one vertex of a running job has done so far, over all its subtasks.
 *
 * @param name        the vertex's name in the job graph
 * @param parallelism its number of subtasks
 * @param recordsIn   rows its operators received (0 for a source)
 * @param recordsOut  rows it emitted
 * @param watermark   the minimum over its subtasks of the last watermark each forwarded: {@link Long#MIN_VALUE}
 *                    until every subtask forwarded one, {@link Long#MAX_VALUE} once all inputs ended
 */
public record VertexStats(String name, int parallelism, long recordsIn, long recordsOut, long watermark) {
}
