package io.weir.executor.runtime;

/**
 * Thrown on a task thread to unwind it when the job is being cancelled (or failed elsewhere) while the task
 * was blocked or about to block. The job never reports it as the failure: it is the consequence, not the cause.
 */
public final class TaskCanceledException extends RuntimeException {

    public TaskCanceledException(String message) {
        super(message, null, false, false);
    }
}
