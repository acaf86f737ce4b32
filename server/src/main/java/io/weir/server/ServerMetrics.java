package io.weir.server;

import io.weir.executor.job.Job;
import io.weir.server.metrics.PrometheusText;
import io.weir.server.result.PagedResultBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * {@code GET /metrics}: how many queries are in each state, how many result rows went to clients, and for each
 * running query its operators' rows out, its late rows dropped and its result rows dropped. Counters of a query
 * are only exported while it runs: once over, its numbers are in {@code GET /v1/queries/{id}}.
 */
final class ServerMetrics {

    /** The executor's counter of rows that arrived too late for their window. */
    static final String LATE_RECORDS_DROPPED = "late_records_dropped";

    private final QueryRegistry queries;
    private final ContinuousQueries continuous;
    private final LongAdder streamedRows;
    private final LongSupplier batchRows;

    ServerMetrics(QueryRegistry queries, ContinuousQueries continuous, LongAdder streamedRows, LongSupplier batchRows) {
        this.queries = queries;
        this.continuous = continuous;
        this.streamedRows = streamedRows;
        this.batchRows = batchRows;
    }

    String render() {
        PrometheusText text = new PrometheusText();
        text.family("weir_queries", "gauge", "Queries the server has recorded, by state.");
        queries.countByState().forEach((state, count) -> text.sample("weir_queries", Map.of("state", state.name()),
                count));
        text.family("weir_result_rows_delivered_total", "counter",
                "Result rows handed to clients since the server started, by mode.");
        text.sample("weir_result_rows_delivered_total", Map.of("mode", "batch"), batchRows.getAsLong());
        text.sample("weir_result_rows_delivered_total", Map.of("mode", "streaming"), streamedRows.sum());
        Map<String, LiveJob> running = queries.liveJobs();
        text.family("weir_query_records_out_total", "counter", "Rows each operator of a running query has emitted.");
        running.forEach((id, live) -> {
            List<OperatorStats> operators = OperatorStats.of(live.job());
            for (int vertex = 0; vertex < operators.size(); vertex++) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("query_id", id);
                labels.put("vertex", Integer.toString(vertex));
                labels.put("operator", operators.get(vertex).name());
                text.sample("weir_query_records_out_total", labels, operators.get(vertex).recordsOut());
            }
        });
        text.family("weir_query_late_records_dropped_total", "counter",
                "Rows of a running query dropped because they arrived after the watermark passed them.");
        running.forEach((id, live) -> text.sample("weir_query_late_records_dropped_total", Map.of("query_id", id),
                live.job().metrics().getOrDefault(LATE_RECORDS_DROPPED, 0L)));
        text.family("weir_query_restarts_total", "counter", "Times a running query failed over and restarted.");
        running.forEach((id, live) -> text.sample("weir_query_restarts_total", Map.of("query_id", id),
                live.job().metrics().getOrDefault(Job.RESTARTS_METRIC, 0L)));
        text.family("weir_query_checkpoints_total", "counter", "Checkpoints of a running query, by outcome.");
        running.forEach((id, live) -> {
            long[] counts = live.job().checkpointCounts();
            text.sample("weir_query_checkpoints_total", Map.of("query_id", id, "status", "completed"), counts[0]);
            text.sample("weir_query_checkpoints_total", Map.of("query_id", id, "status", "failed"), counts[1]);
        });
        text.family("weir_query_last_checkpoint_duration_ms", "gauge",
                "Duration of a running query's last completed checkpoint.");
        text.family("weir_query_last_checkpoint_size_bytes", "gauge",
                "State written by a running query's last completed checkpoint.");
        text.family("weir_query_last_checkpoint_alignment_ms", "gauge",
                "Longest barrier alignment of a running query's last completed checkpoint.");
        running.forEach((id, live) -> live.job().checkpoints().stream()
                .filter(c -> c.status().equals("COMPLETED")).findFirst().ifPresent(c -> {
                    text.sample("weir_query_last_checkpoint_duration_ms", Map.of("query_id", id), c.durationMillis());
                    text.sample("weir_query_last_checkpoint_size_bytes", Map.of("query_id", id), c.sizeBytes());
                    text.sample("weir_query_last_checkpoint_alignment_ms", Map.of("query_id", id),
                            c.alignmentMillis());
                }));
        text.family("weir_query_result_rows_dropped_total", "counter",
                "Result rows of a running query dropped by its 'drop-oldest' result buffer.");
        running.forEach((id, live) -> continuous.result(id).ifPresent(buffer -> text.sample(
                "weir_query_result_rows_dropped_total", Map.of("query_id", id), droppedRows(buffer))));
        return text.toString();
    }

    private static long droppedRows(PagedResultBuffer buffer) {
        return buffer.stats().droppedRows();
    }
}
