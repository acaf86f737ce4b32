package io.weir.server.result;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;

/** Results asked for that the server no longer holds (an old page token, an evicted result): HTTP 410 Gone. */
public final class ResultsReleasedException extends WeirException {

    public ResultsReleasedException(String message) {
        super(ErrorKind.BAD_REQUEST, message);
    }
}
