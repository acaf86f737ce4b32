package io.weir.executor.api;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.Watermark;

/**
 * A step of a query that transforms chunks: filter, project, aggregate, join, sort, sink.
 *
 * <p>Threading: every method is called on the one thread of the task that owns the operator, never
 * concurrently, so operator code needs no synchronization. Operators never start threads, never block on
 * I/O of other operators, and never read the wall clock (they use {@link OperatorContext#clock()}).
 *
 * <p>Order of calls: {@link #open} once; then, interleaved in arrival order, {@link #processChunk} and
 * {@link #processWatermark}; {@link #endInput} once per input when that input is exhausted (bounded
 * inputs); finally {@link #close} (also after a failure or a cancel, so it must tolerate a partial run).
 *
 * <p>Chunks received belong to the sender: read them, forward them, but never write into their vectors.
 *
 * <p>Checkpoints: a stateful operator takes a consistent copy of its state in {@link #snapshotState} (called
 * at the barrier, on the task thread, between two chunks) and returns what writes that copy out, off the task
 * thread. A restored operator gets {@link #restoreState} after {@link #open} and before any data.
 * {@link #notifyCheckpointComplete} says a checkpoint is durable everywhere (two-phase-commit sinks commit then).
 */
public interface Operator {

    /** Called once before any data. */
    default void open(OperatorContext context) throws Exception {
    }

    /**
     * Processes one chunk that arrived on input {@code input} (0 for single-input operators; 0 = left and
     * 1 = right for joins). Results go to {@code out}, any number of chunks.
     */
    void processChunk(int input, Chunk chunk, Output out) throws Exception;

    /** Event time has advanced on all inputs. The default forwards it, which is right for stateless operators. */
    default void processWatermark(Watermark watermark, Output out) throws Exception {
        out.emitWatermark(watermark);
    }

    /** A processing-time timer registered through {@link TimerService} is due. */
    default void onProcessingTime(long time, Output out) throws Exception {
    }

    /**
     * Input {@code input} has ended: no chunk will arrive on it again. Blocking operators (aggregate,
     * sort, the build side of a join) emit their results here.
     */
    default void endInput(int input, Output out) throws Exception {
    }

    /**
     * The synchronous part of a snapshot for checkpoint {@code checkpointId}: take a copy of the state (cheap:
     * copy-on-write, a swap, or a serialization into memory) and return what writes it out, or null when the
     * operator holds no state.
     */
    default StateSnapshot snapshotState(long checkpointId) throws Exception {
        return null;
    }

    /** Restores the state of a checkpoint; called after {@link #open}, before any chunk or watermark. */
    default void restoreState(StateReader state) throws Exception {
    }

    /** Checkpoint {@code checkpointId} is complete: every task has written its state. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /** Checkpoint {@code checkpointId} will never complete (it timed out or a task declined it). */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }

    /**
     * True once the operator will emit nothing more whatever its inputs still bring (a LIMIT that has passed its
     * rows). The task then stops feeding the operator: it sends {@link Watermark#MAX} and end of input to what
     * comes after it, and ends its own output; once every sink of the job has ended that way, the job stops what
     * still runs upstream and finishes. Asked after each element the operator received; the default is false.
     */
    default boolean isFinished() {
        return false;
    }

    /** Releases resources; called once, after success, failure or cancel. */
    default void close() throws Exception {
    }
}
