package io.weir.server;

import io.weir.executor.job.Job;
import java.util.List;

/**
 * What {@code GET /v1/queries/{id}} shows of one vertex of a running job: rows in and out (summed over its
 * subtasks) and its current watermark ({@link Long#MIN_VALUE} before the first).
 */
record OperatorStats(String name, int parallelism, long recordsIn, long recordsOut, long watermark) {

    /** No watermark has reached the vertex yet. */
    static final long NO_WATERMARK = Long.MIN_VALUE;

    /** The statistics of every vertex of {@code job}, in graph order: the one place that reads them. */
    static List<OperatorStats> of(Job job) {
        return job.vertexStats().stream()
                .map(v -> new OperatorStats(v.name(), v.parallelism(), v.recordsIn(), v.recordsOut(), v.watermark()))
                .toList();
    }
}
