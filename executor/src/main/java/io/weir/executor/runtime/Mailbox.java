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

    boolean hasPending() {
        return !actions.isEmpty();
    }
}
