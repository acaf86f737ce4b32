package io.weir.server;

import io.weir.executor.graph.JobEdge;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.JobVertex;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /v1/queries/{id}} shows of one vertex of a running job: rows in and out (summed over its
 * subtasks) and its current watermark ({@link Long#MIN_VALUE} before the first).
 */
record OperatorStats(String name, int parallelism, long recordsIn, long recordsOut, long watermark) {

    /** No watermark has reached the vertex yet. */
    static final long NO_WATERMARK = Long.MIN_VALUE;

    /**
     * The statistics of every vertex of {@code job}, in graph order. This is the one place that reads them from
     * the executor.
     *
     * <p>TODO(vertexStats): the runtime is adding {@code Job.vertexStats()} returning
     * {@code List<VertexStats(String name, int parallelism, long recordsIn, long recordsOut, long watermark)>}.
     * Once it is merged, replace the body with
     * {@code job.vertexStats().stream().map(v -> new OperatorStats(v.name(), v.parallelism(), v.recordsIn(),
     * v.recordsOut(), v.watermark())).toList()} and drop {@code graph} from the signature if it is unused.
     * Until then rows out come from the {@code <vertex>.records_out} counters, rows in are what the vertex's
     * producers sent it, and watermarks are unknown.
     */
    static List<OperatorStats> of(Job job, JobGraph graph) {
        Map<String, Long> metrics = job.metrics();
        List<OperatorStats> stats = new ArrayList<>();
        for (JobVertex vertex : graph.vertices()) {
            long in = 0;
            for (JobEdge edge : graph.inputsOf(vertex.id())) {
                long sent = recordsOut(metrics, graph.vertex(edge.from()));
                in += edge.partitioning() instanceof Partitioning.Broadcast ? sent * vertex.parallelism() : sent;
            }
            stats.add(new OperatorStats(vertex.name(), vertex.parallelism(), in, recordsOut(metrics, vertex),
                    NO_WATERMARK));
        }
        return stats;
    }

    private static long recordsOut(Map<String, Long> metrics, JobVertex vertex) {
        return metrics.getOrDefault(vertex.name() + ".records_out", 0L);
    }
}
