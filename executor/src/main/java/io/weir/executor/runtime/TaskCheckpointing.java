package io.weir.executor.runtime;

import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.CheckpointAcks;
import io.weir.executor.checkpoint.CheckpointRestore;
import io.weir.executor.checkpoint.CheckpointingMode;
import io.weir.executor.checkpoint.SubtaskStateFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What the tasks of one attempt of a job share for checkpoints: the alignment mode, where acknowledgements go,
 * the I/O threads that write snapshots, and the checkpoint the attempt restores from (null for a fresh start).
 *
 * @param periodic whether the job checkpoints periodically (operators see it in their context)
 * @param attempt the job's attempt number, so the coordinator can ignore what a cancelled attempt still reports
 */
public record TaskCheckpointing(boolean periodic, CheckpointingMode mode, CheckpointAcks acks, Executor io,
        int attempt, CheckpointRestore restore) {

    /** For jobs run without a coordinator: barriers never come, nothing is restored. */
    public static TaskCheckpointing none() {
        return new TaskCheckpointing(false, CheckpointingMode.EXACTLY_ONCE, CheckpointAcks.NONE, Runnable::run, 0,
                null);
    }

    /**
     * The asynchronous part of a task's snapshot: writes each chain member's state off the task thread, then
     * acknowledges. {@code snapshots[k]} is member k's (null when it holds none); {@code positions} the source
     * head's split positions (empty for an operator head).
     */
    void writeAsync(String task, long checkpointId, int[] vertexIds, int subtask, Map<String, byte[]> positions,
            StateSnapshot[] snapshots, long alignmentNanos) {
        io.execute(() -> {
            try {
                FaultInjection.at(FaultInjection.Point.ASYNC_WRITE, task);
                Path directory = acks.directoryFor(checkpointId);
                if (directory == null) {
                    return;
                }
                long size = 0;
                for (int k = 0; k < vertexIds.length; k++) {
                    Map<String, byte[]> splits = k == 0 ? positions : Map.of();
                    try (SubtaskStateFile file = SubtaskStateFile.create(directory, vertexIds[k], subtask, splits)) {
                        if (snapshots[k] != null) {
                            snapshots[k].writeTo(file);
                        }
                        size += file.size();
                    }
                }
                acks.acknowledge(attempt, checkpointId, task, size, alignmentNanos);
            } catch (Throwable t) {
                acks.decline(attempt, checkpointId, task, t);
            }
        });
    }
}
