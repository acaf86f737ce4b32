package io.weir.executor.runtime;

import io.weir.executor.api.StateSnapshot;
import io.weir.executor.data.CheckpointBarrier;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One subtask of one chain, run by one thread from start to end. The lifecycle is fixed here: create and open
 * the operators, run the head's loop until the inputs are exhausted (or the job is cancelled), then close every
 * operator and reader whatever happened, and report a failure to the {@link FailureListener}.
 *
 * <p>Operator code is only ever called on the task's thread. Other threads reach it through the
 * {@link #mailbox()}, whose actions run between two elements; processing-time timers fire at the same point of
 * the loop ({@link #runMailAndTimers}).
 */
public abstract class Task implements Runnable {

    /**
     * How often, in real time, a task with pending timers looks at the clock. The clock may be a test's, which
     * jumps: so the task never sleeps until a timer's time computed from it, it polls.
     */
    private static final long TIMER_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final String name;
    private final FailureListener failureListener;
    protected final OperatorChain chain;
    protected final Cancellation cancellation;
    protected final Wakeup wakeup;
    protected final Mailbox mailbox;
    protected final TaskCheckpointing checkpointing;
    /** False once the task's loop has ended, however: it takes part in no checkpoint after that. */
    private volatile boolean running = true;
    /** Set on the task thread when a finished operator ended the task before its input ended; read by the job. */
    private volatile boolean endedEarly;

    /** The runtime clock, as operators see it. */
    protected final Clock clock;

    Task(String name, OperatorChain chain, Cancellation cancellation, Wakeup wakeup, FailureListener failureListener,
            TaskCheckpointing checkpointing) {
        this.name = name;
        this.checkpointing = checkpointing;
        this.chain = chain;
        this.clock = chain.context(0).clock();
        this.cancellation = cancellation;
        this.wakeup = wakeup;
        this.mailbox = new Mailbox(wakeup);
        this.failureListener = failureListener;
    }

    /** The task's name, which is also its thread's name: {@code weir-task-<graph>-<headVertexId>-<subtask>}. */
    public String name() {
        return name;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    @Override
    public final void run() {
        Throwable failure = null;
        try {
            chain.createOperators();
            chain.open();
            if (checkpointing.restore() != null) {
                chain.restoreState(checkpointing.restore(), subtaskIndex());
            }
            openHead();
            runLoop();
            // Checkpoint triggers and commit notifications that raced with the end still reach the operators.
            mailbox.drainAndClose();
        } catch (Throwable t) {
            failure = t;
        } finally {
            running = false;
        }
        failure = combine(failure, closeHead());
        failure = combine(failure, chain.closeAll());
        if (failure != null) {
            failureListener.taskFailed(this, unwrap(failure));
        }
    }

    /** True until the task's loop has ended. */
    public boolean isRunning() {
        return running;
    }

    protected final int subtaskIndex() {
        return chain.context(0).subtaskIndex();
    }

    /**
     * Takes this task's part of a checkpoint at its barrier: the synchronous part of every member's snapshot, then
     * the barrier downstream (behind every row emitted before it), then the rest off the task thread.
     *
     * @param positions the source head's split positions at the barrier; empty for an operator head
     */
    protected final void performCheckpoint(CheckpointBarrier barrier, long alignmentNanos,
            Map<String, byte[]> positions) throws Exception {
        FaultInjection.at(FaultInjection.Point.BARRIER, name);
        StateSnapshot[] snapshots = chain.snapshotState(barrier.checkpointId());
        chain.tail().emitBarrier(barrier);
        checkpointing.writeAsync(name, barrier.checkpointId(), chain.vertexIds(), subtaskIndex(), positions,
                snapshots, alignmentNanos);
    }

    /** Checkpoint {@code checkpointId} is complete everywhere: runs on the task thread, from the mailbox. */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        FaultInjection.at(FaultInjection.Point.COMMIT, name);
        chain.notifyCheckpointComplete(checkpointId);
    }

    /** Checkpoint {@code checkpointId} will never complete: runs on the task thread, from the mailbox. */
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        chain.notifyCheckpointAborted(checkpointId);
    }

    /** Prepares what the chain does not hold (a source's reader); operators are open already. */
    protected abstract void openHead() throws Exception;

    /** Runs until every input ended and end-of-input went downstream; throws to fail or unwind the task. */
    protected abstract void runLoop() throws Exception;

    /** Releases what {@link #openHead} prepared, tolerating a partial start; returns the failure or null. */
    protected Throwable closeHead() {
        return null;
    }

    /**
     * The loop's control step, between two elements: runs the mailbox's actions, fires the processing-time timers
     * that are due, and restores the task's idle status downstream if rows emitted meanwhile made it active.
     */
    protected final void runMailAndTimers() throws Exception {
        mailbox.runPending();
        if (chain.hasTimers()) {
            chain.fireProcessingTimers(clock.millis());
        }
        chain.tail().syncStatus();
    }

    /**
     * Ends the task early when a member of its chain is finished ({@code Operator.isFinished}): nothing before it
     * can change the task's output any more, so what comes after it sees the end of its input, and end-of-input
     * goes downstream. True when the task ended so: the caller leaves its loop and reads no more input.
     */
    protected final boolean endIfFinished() throws Exception {
        int member = chain.lastFinishedMember();
        if (member < 0) {
            return false;
        }
        chain.endAfter(member);
        chain.tail().finish();
        endedEarly = true;
        return true;
    }

    /** True when a finished operator ended the task before its input ended ({@link #endIfFinished}). */
    public boolean endedEarly() {
        return endedEarly;
    }

    /** True when nothing downstream reads the task's output: its chain ends in a sink of the job. */
    public boolean isSink() {
        return chain.tail().isSink();
    }

    /** How long the task may wait for input before it must look for due timers; {@code Long.MAX_VALUE} with none. */
    protected final long nanosUntilTimerCheck() {
        if (!chain.hasTimers()) {
            return Long.MAX_VALUE;
        }
        long untilDue = chain.earliestTimer() - clock.millis();
        return untilDue <= 0 ? 0 : Math.min(TIMER_CHECK_NANOS, TimeUnit.MILLISECONDS.toNanos(untilDue));
    }

    /** Turns an interrupt (the job cancels by interrupting) into the task's unwinding. */
    protected final void throwIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TaskCanceledException("Task " + name + " was interrupted");
        }
    }

    private static Throwable combine(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (next != null && next != first) {
            first.addSuppressed(next);
        }
        return first;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof ChainedOutput.ChainedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public String toString() {
        return name;
    }
}
