package io.weir.executor.checkpoint;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A checkpoint in flight: which tasks still have to acknowledge it, what they wrote, and the future that completes
 * with its metadata. Guarded by the coordinator's lock.
 */
final class PendingCheckpoint {

    final long id;
    final int attempt;
    final long triggerTimestamp;
    final boolean savepoint;
    final Path directory;
    final CompletableFuture<CheckpointMetadata> result = new CompletableFuture<>();
    /** Expires the checkpoint at its timeout; cancelled when it ends earlier. */
    ScheduledFuture<?> expiry;
    private final Set<String> awaiting;
    private long size;
    private long maxAlignmentNanos;

    PendingCheckpoint(long id, int attempt, long triggerTimestamp, boolean savepoint, Path directory,
            Set<String> tasks) {
        this.id = id;
        this.attempt = attempt;
        this.triggerTimestamp = triggerTimestamp;
        this.savepoint = savepoint;
        this.directory = directory;
        this.awaiting = new HashSet<>(tasks);
    }

    /** Records a task's acknowledgement; true when it was the last one awaited. */
    boolean acknowledge(String task, long stateSize, long alignmentNanos) {
        if (!awaiting.remove(task)) {
            return false;
        }
        size += stateSize;
        maxAlignmentNanos = Math.max(maxAlignmentNanos, alignmentNanos);
        return awaiting.isEmpty();
    }

    long size() {
        return size;
    }

    long alignmentMillis() {
        return maxAlignmentNanos / 1_000_000;
    }
}
