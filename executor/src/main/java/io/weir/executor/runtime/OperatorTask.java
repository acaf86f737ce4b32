package io.weir.executor.runtime;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Watermark;
import java.util.concurrent.TimeUnit;

/**
 * A task whose head operator reads channels: takes elements from its {@link InputGate} in turn and hands them to
 * the head, combining watermarks through a {@link WatermarkValve}. When the last channel of an input ends, the
 * head's {@code endInput} for that input is called; when all have ended, the chained operators' inputs end and
 * end-of-input goes downstream.
 */
final class OperatorTask extends Task {

    /** Longest wait for input without a flush due: the wait also ends on every new element, mail or interrupt. */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final InputGate gate;
    private final WatermarkValve valve;
    private Operator head;
    private Output headOutput;

    OperatorTask(String name, InputGate gate, OperatorChain chain, TaskOperatorContext context,
            Cancellation cancellation, Wakeup wakeup, FailureListener failureListener) {
        super(name, chain, context, cancellation, wakeup, failureListener);
        this.gate = gate;
        this.valve = new WatermarkValve(gate.channelCount());
    }

    @Override
    protected void openHead() {
        head = chain.operator(0);
        headOutput = chain.outputOf(0);
    }

    @Override
    protected void runLoop() throws Exception {
        TailOutput tail = chain.tail();
        endUnconnectedInputs();
        while (!gate.allEnded()) {
            cancellation.throwIfCancelled();
            mailbox.runPending();
            StreamElement element = gate.poll();
            long now = System.nanoTime();
            tail.flushIfDue(now);
            if (element == null) {
                waitForInput(Math.min(MAX_IDLE_NANOS, tail.nanosUntilFlush(now)));
            } else {
                process(element);
            }
        }
        chain.endChainedInputs();
        tail.finish();
    }

    private void process(StreamElement element) throws Exception {
        if (element instanceof Chunk chunk) {
            head.processChunk(gate.lastInput(), chunk, headOutput);
        } else if (element instanceof Watermark watermark) {
            if (valve.onWatermark(gate.lastChannel(), watermark.timestamp())) {
                head.processWatermark(new Watermark(valve.current()), headOutput);
            }
        } else {
            // EndOfInput: the gate has already marked the channel ended.
            int input = gate.lastInput();
            if (valve.onChannelEnded(gate.lastChannel())) {
                head.processWatermark(new Watermark(valve.current()), headOutput);
            }
            if (gate.isInputEnded(input)) {
                head.endInput(input, headOutput);
            }
        }
    }

    /** Inputs no channel feeds (this subtask gets nothing from a SINGLE edge, say) are ended from the start. */
    private void endUnconnectedInputs() throws Exception {
        if (gate.channelCount() == 0) {
            head.processWatermark(Watermark.MAX, headOutput);
        }
        for (int input = 0; input < gate.inputCount(); input++) {
            if (gate.isInputEnded(input)) {
                head.endInput(input, headOutput);
            }
        }
    }

    private void waitForInput(long timeoutNanos) {
        try {
            wakeup.await(timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCanceledException("Task " + name() + " was interrupted");
        }
    }
}
