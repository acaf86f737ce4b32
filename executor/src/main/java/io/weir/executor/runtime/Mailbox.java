package io.weir.executor.runtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Control actions to run on a task's own thread, between two elements: the way other threads (a checkpoint
 * coordinator, timers) reach operator code without making it concurrent. Actions run in submission order.
 */
public final class Mailbox {

    /** An action for the task thread; what it throws fails the task. */
    @FunctionalInterface
    public interface Mail {
        void run() throws Exception;
    }

    private final Queue<Mail> actions = new ConcurrentLinkedQueue<>();
    private final Wakeup wakeup;
    /** Set by the task thread once it has ended normally: what is submitted after may never run there. */
    private volatile boolean closed;

    public Mailbox(Wakeup wakeup) {
        this.wakeup = wakeup;
    }

    /** Called from any thread; the action runs soon on the task thread (never, if the task has ended). */
    public void submit(Mail action) {
        actions.add(action);
        wakeup.signal();
    }

    /** Called by the task thread between elements: runs every action submitted so far. */
    void runPending() throws Exception {
        Mail action;
        while ((action = actions.poll()) != null) {
            action.run();
        }
    }

    /**
     * Called by the task thread when its loop has ended normally: runs what is pending, closes the mailbox, and
     * runs what came meanwhile. A submitter that sees the mailbox closed takes its action back ({@link #retract})
     * and runs it itself; exactly one of the two runs each action.
     */
    void drainAndClose() throws Exception {
        runPending();
        closed = true;
        runPending();
    }

    /** True once the task has ended normally and no longer runs actions (see {@link #drainAndClose}). */
    public boolean isClosed() {
        return closed;
    }

    /** Takes back an action not run yet; true when it was still pending (and now never runs on the task thread). */
    public boolean retract(Mail action) {
        return actions.remove(action);
    }

    boolean hasPending() {
        return !actions.isEmpty();
    }
}
