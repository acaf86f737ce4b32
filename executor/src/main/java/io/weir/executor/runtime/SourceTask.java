package io.weir.executor.runtime;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.Output;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.checkpoint.CheckpointRestore;
import io.weir.executor.data.CheckpointBarrier;
import io.weir.executor.data.Watermark;
import io.weir.executor.data.WatermarkStatus;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A task whose head is a source reader: polls it in a loop, each poll pushing at most about a chunk through the
 * chain. Event time comes from the source's {@link WatermarkStrategy}, per split, through {@link SplitWatermarks},
 * checked after every poll against the runtime clock; without a strategy, from whatever watermarks the reader
 * emits. At the reader's end it emits {@link Watermark#MAX} (a bounded input is complete for every event time),
 * ends the chained operators' inputs, and sends end-of-input downstream. A chained operator that says it is
 * finished ends the task early, the reader left unread ({@link #endIfFinished}).
 */
public final class SourceTask extends Task {

    /** How long to park when the reader has nothing: short for latency, long enough not to spin a core. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SourceFactory source;
    /** Null when the source's rows carry no event time. */
    private final WatermarkStrategy strategy;
    private SourceReader reader;
    /** The reader's positions once it has read all its input and the task has ended it; null before. */
    private volatile Map<String, byte[]> finalPositions;

    SourceTask(String name, SourceFactory source, WatermarkStrategy strategy, OperatorChain chain,
            Cancellation cancellation, Wakeup wakeup, FailureListener failureListener,
            TaskCheckpointing checkpointing) {
        super(name, chain, cancellation, wakeup, failureListener, checkpointing);
        this.source = source;
        this.strategy = strategy;
    }

    @Override
    protected void openHead() throws Exception {
        TaskOperatorContext context = chain.context(0);
        reader = source.createReader(context.subtaskIndex(), context.parallelism());
        CheckpointRestore restore = checkpointing.restore();
        if (restore != null) {
            reader.restorePositions(restore.positionsFor(chain.vertexIds()[0]));
        }
        reader.open(context);
    }

    /**
     * Starts checkpoint {@code barrier} here, at a source: records the reader's split positions as of its last
     * poll and snapshots the chain. Runs from the mailbox, so between two polls; for a task that has read all its
     * input, on whichever thread finds its mailbox closed, and then records only the final positions. A task that
     * failed or was cancelled takes no part (the checkpoint is aborted with the attempt).
     */
    public void triggerCheckpoint(CheckpointBarrier barrier) throws Exception {
        Map<String, byte[]> done = finalPositions;
        if (done != null) {
            // Its input is over and its operators have emitted everything: only where the reader ended matters, so
            // that a restored job does not read that input again. Nothing goes downstream: its channels have ended.
            checkpointing.writeAsync(name(), barrier.checkpointId(), chain.vertexIds(), subtaskIndex(), done,
                    new StateSnapshot[chain.vertexIds().length], 0);
            return;
        }
        if (reader == null || !isRunning()) {
            return;
        }
        performCheckpoint(barrier, 0, reader.snapshotPositions());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (reader != null) {
            reader.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    protected void runLoop() throws Exception {
        Output chained = chain.outputOf(0);
        TailOutput tail = chain.tail();
        SplitWatermarks splits = new SplitWatermarks(strategy, reader.splitCount(), clock.millis(),
                new WatermarkOutput() {
                    @Override
                    public void emitWatermark(long timestamp) {
                        chained.emitWatermark(new Watermark(timestamp));
                    }

                    @Override
                    public void emitStatus(WatermarkStatus status) {
                        tail.markIdle(status.idle());
                    }
                });
        SplitOutput out = new SplitOutput(splits, chained, clock, strategy == null);
        // A subtask without splits is idle from the start.
        splits.onTick(clock.millis());
        while (true) {
            cancellation.throwIfCancelled();
            runMailAndTimers();
            FaultInjection.at(FaultInjection.Point.ELEMENT, name());
            InputStatus status = reader.pollNext(out);
            splits.onTick(clock.millis());
            if (status != InputStatus.END_OF_INPUT && endIfFinished()) {
                return;
            }
            long now = System.nanoTime();
            tail.flushIfDue(now);
            if (status == InputStatus.END_OF_INPUT) {
                break;
            }
            if (status == InputStatus.NOTHING_AVAILABLE && !mailbox.hasPending()) {
                long wait = Math.min(IDLE_PARK_NANOS, Math.min(tail.nanosUntilFlush(now), nanosUntilTimerCheck()));
                LockSupport.parkNanos(wait);
                throwIfInterrupted();
            }
        }
        finalPositions = reader.snapshotPositions();
        chained.emitWatermark(Watermark.MAX);
        chain.endChainedInputs();
        tail.finish();
    }

    /** True once the reader has read all its input: the task then takes part in checkpoints by {@link #finalPositions}. */
    public boolean finishedInput() {
        return finalPositions != null;
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
