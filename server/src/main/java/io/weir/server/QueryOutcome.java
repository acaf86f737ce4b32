package io.weir.server;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a query's job ended, as the registry records it: its final state and, for a failure, the user's message. */
record QueryOutcome(QueryState state, String error) {

    private static final Logger LOG = LoggerFactory.getLogger(QueryOutcome.class);

    /** The outcome of a job whose completion ended with {@code failure} (null when it finished). */
    static QueryOutcome of(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause == null) {
            return new QueryOutcome(QueryState.FINISHED, null);
        }
        if (cause instanceof CancellationException) {
            return new QueryOutcome(QueryState.CANCELED, null);
        }
        return new QueryOutcome(QueryState.FAILED, asWeirException(cause).getMessage());
    }

    /** A job's failure as the user sees it: Weir's own errors as they are, anything else as an internal error. */
    static WeirException asWeirException(Throwable failure) {
        if (failure instanceof WeirException e) {
            return e;
        }
        if (failure instanceof CancellationException) {
            return new WeirException(ErrorKind.EXECUTION, "The query was canceled");
        }
        LOG.error("Query failed with an unexpected error", failure);
        return new WeirException(ErrorKind.INTERNAL, "The query failed: " + failure, failure);
    }
}
