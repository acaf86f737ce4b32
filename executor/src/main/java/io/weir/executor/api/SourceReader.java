package io.weir.executor.api;

import java.util.Map;

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

    /**
     * The position of each split this reader reads, as of the end of the last {@link #pollNext}: where to resume
     * so that nothing is lost or read twice. Keys are split ids that stay the same at any parallelism (a Kafka
     * partition, a file path, a generator range), so a restored job can hand splits to other subtasks.
     */
    default Map<String, byte[]> snapshotPositions() {
        return Map.of();
    }

    /**
     * Positions to resume from, called before {@link #open}: the positions of every split of the restored
     * checkpoint (from all old subtasks); the reader uses those of the splits it reads now.
     */
    default void restorePositions(Map<String, byte[]> positions) {
    }

    /** Checkpoint {@code checkpointId} is complete (a Kafka reader may commit its group offsets then). */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
