package io.weir.executor.runtime;

/** Told when a task ends with an exception; called on the failing task's thread, after it closed its operators. */
@FunctionalInterface
public interface FailureListener {

    void taskFailed(Task task, Throwable failure);
}
