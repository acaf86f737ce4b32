package io.weir.executor.runtime;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.Output;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.Watermark;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A task whose head is a source reader: polls it in a loop, each poll pushing at most about a chunk through the
 * chain. At the reader's end it emits {@link Watermark#MAX} (a bounded input is complete for every event time),
 * ends the chained operators' inputs, and sends end-of-input downstream.
 */
final class SourceTask extends Task {

    /** How long to park when the reader has nothing: short for latency, long enough not to spin a core. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SourceFactory source;
    private SourceReader reader;

    SourceTask(String name, SourceFactory source, OperatorChain chain, TaskOperatorContext context,
            Cancellation cancellation, Wakeup wakeup, FailureListener failureListener) {
        super(name, chain, context, cancellation, wakeup, failureListener);
        this.source = source;
    }

    @Override
    protected void openHead() throws Exception {
        reader = source.createReader(context.subtaskIndex(), context.parallelism());
        reader.open(context);
    }

    @Override
    protected void runLoop() throws Exception {
        Output chained = chain.outputOf(0);
        // Splits are not told apart yet: per-split event time arrives with watermark strategies.
        SourceOutput out = new SourceOutput() {
            @Override
            public void emit(int split, io.weir.executor.data.Chunk chunk) {
                chained.emit(chunk);
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                chained.emitWatermark(watermark);
            }
        };
        TailOutput tail = chain.tail();
        while (true) {
            cancellation.throwIfCancelled();
            mailbox.runPending();
            InputStatus status = reader.pollNext(out);
            long now = System.nanoTime();
            tail.flushIfDue(now);
            if (status == InputStatus.END_OF_INPUT) {
                break;
            }
            if (status == InputStatus.NOTHING_AVAILABLE && !mailbox.hasPending()) {
                LockSupport.parkNanos(Math.min(IDLE_PARK_NANOS, tail.nanosUntilFlush(now)));
                throwIfInterrupted();
            }
        }
        chained.emitWatermark(Watermark.MAX);
        chain.endChainedInputs();
        tail.finish();
    }

    @Override
    protected Throwable closeHead() {
        if (reader == null) {
            return null;
        }
        try {
            reader.close();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
