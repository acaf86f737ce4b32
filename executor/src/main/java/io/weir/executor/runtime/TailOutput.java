package io.weir.executor.runtime;

import io.weir.executor.api.Output;
import io.weir.executor.data.CheckpointBarrier;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.EndOfInput;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Watermark;
import io.weir.executor.data.WatermarkStatus;
import java.util.List;

/**
 * Where the last operator of a chain emits: counts the vertex's output rows and hands chunks to the writers of
 * its outgoing edges (none for a sink). Owns the flush interval, so partially filled chunks do not wait for
 * more rows longer than {@code flushIntervalNanos}. Used by the task thread only.
 *
 * <p>Also owns the status the task shows downstream. The task says whether it is idle ({@link #markIdle});
 * rows always travel as ACTIVE, so rows emitted while the task is idle (an operator's timer fired) are preceded
 * by ACTIVE, and {@link #syncStatus} turns the task back to IDLE after them.
 */
final class TailOutput implements Output {

    private final List<EdgeWriter> writers;
    private final VertexMetrics.Subtask metrics;
    private final long flushIntervalNanos;
    private long nextFlushNanos;
    /** What the task wants downstream to see. */
    private boolean idle;
    /** What downstream last saw. */
    private boolean sentIdle;

    TailOutput(List<EdgeWriter> writers, VertexMetrics.Subtask metrics, long flushIntervalNanos) {
        this.writers = List.copyOf(writers);
        this.metrics = metrics;
        this.flushIntervalNanos = flushIntervalNanos;
        this.nextFlushNanos = System.nanoTime() + flushIntervalNanos;
    }

    @Override
    public void emit(Chunk chunk) {
        metrics.recordsOut(chunk.size());
        if (sentIdle) {
            send(WatermarkStatus.ACTIVE);
        }
        for (EdgeWriter writer : writers) {
            writer.emit(chunk);
        }
    }

    /** Watermarks go to every downstream channel, behind the rows emitted before them. */
    @Override
    public void emitWatermark(Watermark watermark) {
        metrics.watermarkForwarded(watermark.timestamp());
        broadcast(watermark);
    }

    /** A checkpoint barrier goes to every downstream channel, behind everything emitted before the snapshot. */
    void emitBarrier(CheckpointBarrier barrier) {
        broadcast(barrier);
    }

    /** The task became idle (no input will move its event time) or active again; downstream hears of it at once. */
    void markIdle(boolean value) {
        idle = value;
        syncStatus();
    }

    /** Sends the task's status if downstream last saw another one. */
    void syncStatus() {
        if (idle != sentIdle) {
            send(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        }
    }

    private void send(WatermarkStatus status) {
        sentIdle = status.idle();
        broadcast(status);
    }

    private void broadcast(StreamElement control) {
        for (EdgeWriter writer : writers) {
            writer.broadcastControl(control);
        }
    }

    /**
     * Flushes every writer when the interval has passed. Runtime machinery, so it reads {@link System#nanoTime}
     * rather than the operators' injected clock: a frozen test clock must not stall the data flow.
     */
    void flushIfDue(long nowNanos) {
        if (nowNanos - nextFlushNanos >= 0) {
            for (EdgeWriter writer : writers) {
                writer.flush();
            }
            nextFlushNanos = nowNanos + flushIntervalNanos;
        }
    }

    /** How long the task may wait for input before the next flush is due; {@code Long.MAX_VALUE} when nothing is buffered. */
    long nanosUntilFlush(long nowNanos) {
        for (EdgeWriter writer : writers) {
            if (writer.hasBuffered()) {
                return Math.max(0, nextFlushNanos - nowNanos);
            }
        }
        return Long.MAX_VALUE;
    }

    /** True when no edge leaves the chain: it ends in one of the job's sinks. */
    boolean isSink() {
        return writers.isEmpty();
    }

    /** Sends the rest of the rows, then end-of-input, to every consumer. */
    void finish() {
        broadcast(EndOfInput.INSTANCE);
    }
}
