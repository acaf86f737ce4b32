package io.weir.server.http;

import io.weir.executor.api.ErrorKind;

/** The one mapping from Weir's error kinds to HTTP status codes. */
final class HttpError {

    private HttpError() {
    }

    static int status(ErrorKind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case RESOURCE_EXHAUSTED -> 413;
            case INTERNAL -> 500;
            default -> 400;
        };
    }
}
