package io.weir.executor.job;

/** Where a job is in its life. FINISHED, FAILED and CANCELED are final. */
public enum JobState {
    /** Built, threads not started yet. */
    CREATED,
    /** Tasks are running. */
    RUNNING,
    /** An attempt failed; a new one starts from the latest checkpoint after the restart strategy's delay. */
    RESTARTING,
    /** Every task reached the end of its input and closed cleanly. */
    FINISHED,
    /** A task failed; the others were cancelled. Set at the first failure, while the other tasks still unwind. */
    FAILED,
    /** {@link Job#cancel()} was called while running. Set at once, while the tasks still unwind. */
    CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
