package io.weir.executor.api;

/**
 * Weir's one error taxonomy, by the stage that found the problem. The server maps each kind to an HTTP status
 * in one place; {@link #displayName()} is the {@code error.kind} users see.
 */
public enum ErrorKind {
    /** The SQL text does not parse. */
    PARSE("ParseError"),
    /** The SQL parses but names something unknown, mixes types, or sets a bad option. */
    VALIDATION("ValidationError"),
    /** The statement is valid but Weir cannot run it in the requested mode. */
    PLAN("PlanError"),
    /** The query failed while running, for a reason in the data (division by zero, a bad CSV field). */
    EXECUTION("ExecutionError"),
    /** A limit was hit: a body too large, a result too big. */
    RESOURCE_EXHAUSTED("ResourceExhausted"),
    /** An id or name that does not exist. */
    NOT_FOUND("NotFound"),
    /** The request itself is malformed (bad JSON, wrong method). */
    BAD_REQUEST("BadRequest"),
    /** A bug or an environment failure; never the user's fault. */
    INTERNAL("Internal");

    private final String displayName;

    ErrorKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
