package io.weir.server.http;

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
}
