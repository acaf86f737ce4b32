package io.weir.executor.runtime;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Watermark;

/**
 * Joins two operators of a chain: what the upstream one emits is a direct call into the next one on the same
 * thread, with no queue in between. Counts rows out of the upstream vertex and into the next, records the
 * watermark the upstream vertex forwarded, and sets the next operator's current watermark before it sees it.
 */
final class ChainedOutput implements Output {

    private final VertexMetrics.Subtask upstream;
    private final VertexMetrics.Subtask downstream;
    private final OperatorTimerService nextTimers;
    private final Operator next;
    private final int nextInput;
    private final Output nextOutput;

    ChainedOutput(VertexMetrics.Subtask upstream, VertexMetrics.Subtask downstream, OperatorTimerService nextTimers,
            Operator next, int nextInput, Output nextOutput) {
        this.upstream = upstream;
        this.downstream = downstream;
        this.nextTimers = nextTimers;
        this.next = next;
        this.nextInput = nextInput;
        this.nextOutput = nextOutput;
    }

    @Override
    public void emit(Chunk chunk) {
        int rows = chunk.size();
        upstream.recordsOut(rows);
        downstream.recordsIn(rows);
        try {
            next.processChunk(nextInput, chunk, nextOutput);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedException(e);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        upstream.watermarkForwarded(watermark.timestamp());
        nextTimers.advanceWatermark(watermark.timestamp());
        try {
            next.processWatermark(watermark, nextOutput);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedException(e);
        }
    }

    /**
     * Carries a checked exception of a chained operator through {@link Output}, whose methods cannot declare
     * it; the task unwraps it, so the job reports the operator's own exception.
     */
    static final class ChainedException extends RuntimeException {
        ChainedException(Exception cause) {
            super(cause);
        }
    }
}
