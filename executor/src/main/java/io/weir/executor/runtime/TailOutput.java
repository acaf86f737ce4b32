package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.EndOfInput;
import io.weir.executor.data.Watermark;
import java.util.List;

/**
 * Where the last operator of a chain emits: counts the vertex's output rows and hands chunks to the writers of
 * its outgoing edges (none for a sink). Owns the flush interval, so partially filled chunks do not wait for
 * more rows longer than {@code flushIntervalNanos}. Used by the task thread only.
 */
final class TailOutput implements Output {

    private final List<EdgeWriter> writers;
    private final Counter recordsOut;
    private final long flushIntervalNanos;
    private long nextFlushNanos;

    TailOutput(List<EdgeWriter> writers, Counter recordsOut, long flushIntervalNanos) {
        this.writers = List.copyOf(writers);
        this.recordsOut = recordsOut;
        this.flushIntervalNanos = flushIntervalNanos;
        this.nextFlushNanos = System.nanoTime() + flushIntervalNanos;
    }

    @Override
    public void emit(Chunk chunk) {
        recordsOut.inc(chunk.size());
        for (EdgeWriter writer : writers) {
            writer.emit(chunk);
        }
    }

    /** Watermarks go to every downstream channel, behind the rows emitted before them. */
    @Override
    public void emitWatermark(Watermark watermark) {
        for (EdgeWriter writer : writers) {
            writer.broadcastControl(watermark);
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

    /** Sends the rest of the rows, then end-of-input, to every consumer. */
    void finish() {
        for (EdgeWriter writer : writers) {
            writer.broadcastControl(EndOfInput.INSTANCE);
        }
    }
}
