package io.weir.server;

import java.time.Instant;
import java.util.Map;

/** What the server knows about one query; persisted, so ids and outcomes survive a restart. */
public record QueryInfo(
        String queryId,
        String statement,
        QueryState state,
        String mode,
        int parallelism,
        String plan,
        Map<String, Long> metrics,
        String error,
        Instant createdAt,
        Instant finishedAt) {

    public QueryInfo {
        metrics = Map.copyOf(metrics);
    }

    QueryInfo finished(QueryState newState, Map<String, Long> newMetrics, String newError, Instant at) {
        return new QueryInfo(queryId, statement, newState, mode, parallelism, plan, newMetrics, newError, createdAt, at);
    }

    QueryInfo withState(QueryState newState) {
        return new QueryInfo(queryId, statement, newState, mode, parallelism, plan, metrics, error, createdAt,
                finishedAt);
    }
}
