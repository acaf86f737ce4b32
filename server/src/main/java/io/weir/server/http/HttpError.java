package io.weir.server.http;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.server.result.ResultsReleasedException;

/** The one mapping from Weir's errors to HTTP status codes. */
final class HttpError {

    private HttpError() {
    }

    static int status(WeirException e) {
        if (e instanceof ResultsReleasedException) {
            return 410;
        }
        return status(e.kind());
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
