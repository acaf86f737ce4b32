package io.weir.executor.job;

import io.weir.executor.checkpoint.CheckpointConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How one job runs beyond its graph: checkpoints, what happens when it fails, and where it starts from.
 *
 * @param checkpoints  periodic checkpoints and where they (and savepoints' defaults) go
 * @param restart      the restart strategy after a failure
 * @param restoreFrom  a checkpoint or savepoint directory to start from, or null for a fresh start
 */
public record JobConfig(CheckpointConfig checkpoints, RestartStrategy restart, Path restoreFrom) {

    public JobConfig {
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(restart, "restart");
    }

    /** No checkpoints, no restarts, a fresh start: how batch queries and runtime tests run. */
    public static JobConfig defaults() {
        return new JobConfig(CheckpointConfig.disabled(null), new RestartStrategy.None(), null);
    }

    public JobConfig withRestoreFrom(Path checkpoint) {
        return new JobConfig(checkpoints, restart, checkpoint);
    }
}
