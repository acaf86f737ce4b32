package io.weir.executor.checkpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a job checkpoints, from the {@code execution.checkpointing.*} settings (Flink's names and defaults).
 *
 * @param intervalMillis     {@code execution.checkpointing.interval}; 0 turns checkpointing off
 * @param timeoutMillis      {@code .timeout}: a checkpoint not complete by then is aborted
 * @param minPauseMillis     {@code .min-pause}: the least time between the end of one checkpoint and the next trigger
 * @param maxConcurrent      {@code .max-concurrent-checkpoints}: checkpoints in flight at most
 * @param tolerableFailures  {@code .tolerable-failed-checkpoints}: consecutive failed checkpoints tolerated before
 *                           the job fails over
 * @param mode               {@code .mode}
 * @param numRetained        {@code .num-retained}: completed checkpoints kept on disk
 * @param directory          {@code .dir}: where this job's checkpoints go ({@code chk-<n>} inside)
 */
public record CheckpointConfig(long intervalMillis, long timeoutMillis, long minPauseMillis, int maxConcurrent,
        int tolerableFailures, CheckpointingMode mode, int numRetained, Path directory) {

    public static final long DEFAULT_INTERVAL_MILLIS = 10_000;
    public static final long DEFAULT_TIMEOUT_MILLIS = 600_000;

    public CheckpointConfig {
        Objects.requireNonNull(mode, "mode");
        if (intervalMillis < 0 || timeoutMillis <= 0 || minPauseMillis < 0 || maxConcurrent < 1
                || tolerableFailures < 0 || numRetained < 1) {
            throw new IllegalArgumentException("Invalid checkpoint configuration: " + intervalMillis + ", "
                    + timeoutMillis + ", " + minPauseMillis + ", " + maxConcurrent + ", " + tolerableFailures + ", "
                    + numRetained);
        }
        if (intervalMillis > 0) {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /** No periodic checkpoints (savepoints still need a directory to be taken). */
    public static CheckpointConfig disabled(Path directory) {
        return new CheckpointConfig(0, DEFAULT_TIMEOUT_MILLIS, 0, 1, 0, CheckpointingMode.EXACTLY_ONCE, 3, directory);
    }

    /** Every {@code intervalMillis}, the other settings at their defaults. */
    public static CheckpointConfig every(long intervalMillis, Path directory) {
        return new CheckpointConfig(intervalMillis, DEFAULT_TIMEOUT_MILLIS, 0, 1, 0, CheckpointingMode.EXACTLY_ONCE,
                3, directory);
    }

    public boolean isEnabled() {
        return intervalMillis > 0;
    }
}
