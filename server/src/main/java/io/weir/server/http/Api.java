package io.weir.server.http;

import io.weir.server.result.PagedResultBuffer;
import java.util.Map;

/** What the HTTP layer asks of the server; answers are JSON-ready objects, failures are WeirExceptions. */
public interface Api {

    /** {@code POST /v1/statements}. */
    Object executeStatements(String sql, Map<String, String> properties);

    /** {@code GET /v1/queries}. */
    Object listQueries();

    /** {@code GET /v1/queries/{id}}; unknown ids are NOT_FOUND. */
    Object query(String queryId);

    /** {@code DELETE /v1/queries/{id}}. */
    Object cancel(String queryId);

    /**
     * The result buffer of a continuous SELECT, which {@code GET /v1/queries/{id}/results} and
     * {@code .../results/stream} read. Unknown ids are NOT_FOUND; a query without continuous results (batch, an
     * INSERT) is BAD_REQUEST; results the server no longer holds are a {@code ResultsReleasedException}.
     */
    PagedResultBuffer results(String queryId);

    /**
     * {@code POST /v1/queries/{id}/savepoints} (take a savepoint, keep running) and {@code POST /v1/queries/{id}/stop}
     * (stop with a savepoint): answers with the savepoint's path once it is complete.
     */
    Object savepoint(String queryId, boolean stop);

    /** {@code GET /metrics}: the server's metrics in Prometheus text format. */
    String metrics();
}
