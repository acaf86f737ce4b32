package io.weir.executor.api;

/**
 * Reads one subtask's share of a source. Called only from its task's thread.
 *
 * <p>{@link #pollNext} should emit at most about one chunk per call and return quickly, so the task can
 * interleave control work (cancellation now; watermarks and checkpoint barriers later).
 */
public interface SourceReader extends AutoCloseable {

    default void open(OperatorContext context) throws Exception {
    }

    InputStatus pollNext(Output out) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
