package io.weir.server;

import io.weir.executor.checkpoint.CheckpointStats;
import io.weir.executor.data.Values;
import io.weir.executor.job.Job;
import io.weir.server.result.PagedResultBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer of {@code GET /v1/queries/{id}}: what the registry recorded, and while the query runs its operators
 * (rows in and out, watermark) and the state of its result buffer.
 */
final class QueryDescription {

    private QueryDescription() {
    }

    static Map<String, Object> of(QueryInfo info, Map<String, Long> metrics, Optional<LiveJob> live,
            Optional<PagedResultBuffer> results) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("queryId", info.queryId());
        q.put("statement", info.statement());
        q.put("state", info.state().name());
        q.put("mode", info.mode());
        q.put("parallelism", info.parallelism());
        q.put("plan", info.plan());
        if ("streaming".equals(info.mode()) && !metrics.containsKey(ServerMetrics.LATE_RECORDS_DROPPED)) {
            // Always there for continuous queries, so clients need not know whether a window operator ran yet.
            metrics = new TreeMap<>(metrics);
            metrics.put(ServerMetrics.LATE_RECORDS_DROPPED, 0L);
        }
        q.put("metrics", metrics);
        List<OperatorStats> operators = live.map(j -> OperatorStats.of(j.job())).orElse(List.of());
        q.put("operators", operators(operators));
        q.put("watermarks", watermarks(operators));
        results.ifPresent(buffer -> q.put("results", results(buffer)));
        q.put("checkpoints", live.map(j -> checkpoints(j.job().checkpoints())).orElse(List.of()));
        if ("streaming".equals(info.mode())) {
            q.put("restarts", metrics.getOrDefault(Job.RESTARTS_METRIC, 0L));
        }
        q.put("createdAt", info.createdAt().toString());
        if (info.finishedAt() != null) {
            q.put("finishedAt", info.finishedAt().toString());
        }
        if (info.error() != null) {
            q.put("error", info.error());
        }
        return q;
    }

    private static List<Map<String, Object>> checkpoints(List<CheckpointStats> checkpoints) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CheckpointStats c : checkpoints) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("status", c.status());
            m.put("savepoint", c.savepoint());
            m.put("triggeredAt", Instant.ofEpochMilli(c.triggerTimestamp()).toString());
            m.put("durationMillis", c.durationMillis());
            m.put("alignmentMillis", c.alignmentMillis());
            m.put("sizeBytes", c.sizeBytes());
            m.put("path", c.path());
            if (c.failure() != null) {
                m.put("failure", c.failure());
            }
            list.add(m);
        }
        return list;
    }

    private static List<Map<String, Object>> operators(List<OperatorStats> operators) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (OperatorStats operator : operators) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", operator.name());
            o.put("parallelism", operator.parallelism());
            o.put("recordsIn", operator.recordsIn());
            o.put("recordsOut", operator.recordsOut());
            o.put("watermark", watermark(operator.watermark()));
            list.add(o);
        }
        return list;
    }

    /** Vertex name to watermark; a name used twice gets its position appended ({@code "Calc#3"}). */
    private static Map<String, Object> watermarks(List<OperatorStats> operators) {
        Map<String, Object> watermarks = new LinkedHashMap<>();
        for (int i = 0; i < operators.size(); i++) {
            String name = operators.get(i).name();
            watermarks.put(watermarks.containsKey(name) ? name + "#" + i : name, watermark(operators.get(i).watermark()));
        }
        return watermarks;
    }

    /** A watermark as a timestamp string; null before the first, {@code "+inf"} once the input has ended. */
    static String watermark(long millis) {
        if (millis == OperatorStats.NO_WATERMARK) {
            return null;
        }
        return millis == Long.MAX_VALUE ? "+inf" : Values.formatTimestamp(millis, 3);
    }

    private static Map<String, Object> results(PagedResultBuffer buffer) {
        PagedResultBuffer.Stats stats = buffer.stats();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bufferPolicy", buffer.options().policy().setting());
        r.put("bufferRows", buffer.options().bufferRows());
        r.put("bufferedRows", stats.bufferedRows());
        r.put("deliveredRows", stats.deliveredRows());
        r.put("droppedRows", stats.droppedRows());
        r.put("nextToken", stats.nextToken());
        return r;
    }
}
