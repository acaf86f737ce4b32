package io.weir.executor.runtime;

import java.util.concurrent.TimeUnit;

/**
 * Wakes a task thread that waits for work: producers signal after putting an element into one of its input
 * channels, and the mailbox signals after taking a control action. One signal per task (not per channel) is
 * what lets a task wait on all its inputs at once instead of blocking on one of them.
 *
 * <p>No signal is lost: the task clears the flag only inside {@link #await} and rescans its channels afterwards,
 * and producers set it after their element is in the queue.
 */
public final class Wakeup {

    /** Written under the monitor; read without it by {@link #signal()} to skip the lock when already set. */
    private volatile boolean signalled;

    /** Called by any thread after making work available to the task. */
    public void signal() {
        if (signalled) {
            return;
        }
        synchronized (this) {
            signalled = true;
            notifyAll();
        }
    }

    /**
     * Called by the task thread after it found no work: waits until signalled or until {@code timeoutNanos}
     * passed, then clears the signal. The caller must rescan for work after it returns.
     */
    public synchronized void await(long timeoutNanos) throws InterruptedException {
        if (!signalled && timeoutNanos > 0) {
            long millis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
            int nanos = (int) (timeoutNanos - TimeUnit.MILLISECONDS.toNanos(millis));
            wait(millis, nanos);
        }
        signalled = false;
    }
}
