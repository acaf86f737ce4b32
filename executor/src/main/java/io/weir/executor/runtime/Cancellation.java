package io.weir.executor.runtime;

/**
 * The job-wide "stop now" flag every task checks between elements and while blocked. Setting it is only half of
 * cancelling: the job also interrupts the task threads, so a task blocked in an operator's own wait wakes up too.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Unwinds the calling task when the job is being cancelled. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new TaskCanceledException("The job is being cancelled");
        }
    }
}
