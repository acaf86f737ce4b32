package io.weir.executor.runtime;

/**
 * Where fault-injection tests make tasks fail: between elements, at a barrier, while a snapshot is written, and at
 * a checkpoint's commit notification. Off (one volatile read) unless a test installs a hook; never set in
 * production.
 */
public final class FaultInjection {

    /** The points of a task's life a hook is called at. */
    public enum Point {
        /** Before the task handles an element (operator tasks) or polls its reader (source tasks). */
        ELEMENT,
        /** At a checkpoint barrier, before the synchronous snapshot (after alignment for operator tasks). */
        BARRIER,
        /** In the asynchronous part of a snapshot, before it writes (on a checkpoint I/O thread). */
        ASYNC_WRITE,
        /** When a checkpoint's completion reaches the task, before its operators commit. */
        COMMIT
    }

    /** Called at each point; what it throws fails the task (or, at ASYNC_WRITE, the checkpoint). */
    @FunctionalInterface
    public interface Hook {
        void at(Point point, String task) throws Exception;
    }

    private static volatile Hook hook;

    private FaultInjection() {
    }

    /** Installs a hook for every job of this JVM; null removes it. */
    public static void set(Hook value) {
        hook = value;
    }

    static void at(Point point, String task) throws Exception {
        Hook current = hook;
        if (current != null) {
            current.at(point, task);
        }
    }
}
