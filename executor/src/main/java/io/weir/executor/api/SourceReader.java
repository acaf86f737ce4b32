package io.weir.executor.api;

/**
 * Reads one subtask's share of a source. Called only from its task's thread.
 *
 * <p>{@link #pollNext} should emit at most about one chunk per call and return quickly, so the task can
 * interleave control work (cancellation, periodic watermarks, timers, checkpoint barriers).
 */
public interface SourceReader extends AutoCloseable {

    default void open(OperatorContext context) throws Exception {
    }

    /**
     * How many splits this reader reads (known after {@link #open}); chunks are emitted per split so that each
     * split's event time is tracked on its own. A reader with no split at all (its subtask got none) returns 0.
     */
    default int splitCount() {
        return 1;
    }

    InputStatus pollNext(SourceOutput out) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
