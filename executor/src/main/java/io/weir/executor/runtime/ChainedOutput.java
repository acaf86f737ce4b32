package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Watermark;

/**
 * Joins two operators of a chain: what the upstream one emits is a direct call into the next one on the same
 * thread, with no queue in between. Counts the upstream vertex's output rows on the way.
 */
final class ChainedOutput implements Output {

    private final Counter recordsOut;
    private final Operator next;
    private final int nextInput;
    private final Output nextOutput;

    ChainedOutput(Counter recordsOut, Operator next, int nextInput, Output nextOutput) {
        this.recordsOut = recordsOut;
        this.next = next;
        this.nextInput = nextInput;
        this.nextOutput = nextOutput;
    }

    @Override
    public void emit(Chunk chunk) {
        recordsOut.inc(chunk.size());
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
