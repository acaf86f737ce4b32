package io.weir.server;

/** The lifecycle of a query, as {@code GET /v1/queries/{id}} reports it. */
public enum QueryState {
    CREATED,
    RUNNING,
    RESTARTING,
    FINISHED,
    FAILED,
    CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
