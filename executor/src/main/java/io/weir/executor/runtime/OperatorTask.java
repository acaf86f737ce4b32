package io.weir.executor.runtime;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.checkpoint.BarrierAligner;
import io.weir.executor.data.CheckpointBarrier;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Watermark;
import io.weir.executor.data.WatermarkStatus;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A task whose head operator reads channels: takes elements from its {@link InputGate} in turn and hands them to
 * the head, combining watermarks and idleness through a {@link WatermarkValve}: the head sees the combined
 * watermark, and the task's idle status goes straight downstream (operators do not see statuses). When the last
 * channel of an input ends, the head's {@code endInput} for that input is called; when all have ended, the
 * chained operators' inputs end and end-of-input goes downstream. A member that says it is finished ends the task
 * early, its remaining input unread ({@link #endIfFinished}).
 */
final class OperatorTask extends Task {

    /** Longest wait for input without a flush due: the wait also ends on every new element, mail or interrupt. */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final InputGate gate;
    private final WatermarkValve valve;
    private final BarrierAligner aligner;
    private Operator head;
    private Output headOutput;
    private VertexMetrics.Subtask headMetrics;

    OperatorTask(String name, InputGate gate, OperatorChain chain, Cancellation cancellation, Wakeup wakeup,
            FailureListener failureListener, TaskCheckpointing checkpointing) {
        super(name, chain, cancellation, wakeup, failureListener, checkpointing);
        this.gate = gate;
        this.valve = new WatermarkValve(gate.channelCount(), new HeadWatermarks());
        this.aligner = new BarrierAligner(gate.channelCount(), checkpointing.mode(),
                (barrier, alignmentNanos) -> performCheckpoint(barrier, alignmentNanos, Map.of()));
    }

    @Override
    protected void openHead() {
        head = chain.operator(0);
        headOutput = chain.outputOf(0);
        headMetrics = chain.metrics(0);
    }

    @Override
    protected void runLoop() throws Exception {
        TailOutput tail = chain.tail();
        endUnconnectedInputs();
        while (!gate.allEnded()) {
            cancellation.throwIfCancelled();
            runMailAndTimers();
            StreamElement element = gate.poll(aligner);
            long now = System.nanoTime();
            tail.flushIfDue(now);
            if (element == null) {
                waitForInput(Math.min(MAX_IDLE_NANOS, Math.min(tail.nanosUntilFlush(now), nanosUntilTimerCheck())));
            } else {
                process(element);
            }
            if (!gate.allEnded() && endIfFinished()) {
                return;
            }
        }
        chain.endChainedInputs();
        tail.finish();
    }

    private void process(StreamElement element) throws Exception {
        FaultInjection.at(FaultInjection.Point.ELEMENT, name());
        int channel = gate.lastChannel();
        if (element instanceof Chunk chunk) {
            valve.onData(channel);
            headMetrics.recordsIn(chunk.size());
            head.processChunk(gate.lastInput(), chunk, headOutput);
        } else if (element instanceof Watermark watermark) {
            valve.onWatermark(channel, watermark.timestamp());
        } else if (element instanceof WatermarkStatus status) {
            valve.onStatus(channel, status);
        } else if (element instanceof CheckpointBarrier barrier) {
            aligner.onBarrier(channel, barrier, System.nanoTime());
        } else {
            // EndOfInput: the gate has already marked the channel ended.
            int input = gate.lastInput();
            valve.onChannelEnded(channel);
            if (gate.isInputEnded(input)) {
                head.endInput(input, headOutput);
            }
            aligner.onChannelEnded(channel, System.nanoTime());
        }
    }

    /** Inputs no channel feeds (this subtask gets nothing from a SINGLE edge, say) are ended from the start. */
    private void endUnconnectedInputs() throws Exception {
        if (gate.channelCount() == 0) {
            deliverWatermark(Long.MAX_VALUE);
        }
        for (int input = 0; input < gate.inputCount(); input++) {
            if (gate.isInputEnded(input)) {
                head.endInput(input, headOutput);
            }
        }
    }

    private void deliverWatermark(long timestamp) throws Exception {
        chain.context(0).timers().advanceWatermark(timestamp);
        head.processWatermark(new Watermark(timestamp), headOutput);
    }

    private void waitForInput(long timeoutNanos) {
        try {
            wakeup.await(timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCanceledException("Task " + name() + " was interrupted");
        }
    }

    /** What the valve reports: watermarks go to the head operator, statuses straight to the task's consumers. */
    private final class HeadWatermarks implements WatermarkOutput {

        @Override
        public void emitWatermark(long timestamp) {
            try {
                deliverWatermark(timestamp);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ChainedOutput.ChainedException(e);
            }
        }

        @Override
        public void emitStatus(WatermarkStatus status) {
            chain.tail().markIdle(status.idle());
        }
    }
}
