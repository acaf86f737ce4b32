package io.weir.executor.checkpoint;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.CheckpointBarrier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers a job's checkpoints and completes them. It only triggers and routes: a checkpoint in flight is a
 * {@link PendingCheckpoint}; the tasks take their parts at the barriers and acknowledge ({@link CheckpointAcks});
 * when the last acknowledgement arrives the coordinator writes the metadata (which makes the checkpoint complete),
 * drops the oldest beyond {@code num-retained}, and tells every task ({@code notifyCheckpointComplete}).
 *
 * <p>One per job, across its attempts: checkpoint ids keep increasing over restarts (and over server restarts, by
 * starting above every checkpoint already in the directory and above the one restored from), which is what sinks
 * that record the last committed checkpoint rely on. Thread-safe: the timer thread triggers, I/O threads
 * acknowledge, the job attaches attempts.
 */
public final class CheckpointCoordinator implements CheckpointAcks {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private static final int HISTORY = 10;

    /** The running attempt of the job, as the coordinator reaches its tasks. */
    public interface Participants {
        int attempt();

        /**
         * The names of the tasks that must acknowledge a checkpoint triggered now, or null when none can be taken
         * now (no source task runs any more, or one ended without reading all its input).
         */
        Set<String> checkpointableTasks();

        /** Starts the checkpoint at every source task (through their mailboxes). */
        void triggerSources(CheckpointBarrier barrier);

        void notifyComplete(long checkpointId);

        void notifyAborted(long checkpointId);
    }

    private final String jobName;
    private final CheckpointConfig config;
    private final List<CheckpointMetadata.Vertex> vertices;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Consumer<Throwable> failJob;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    /** Complete periodic checkpoints kept on disk, oldest first. */
    private final Deque<Path> retained = new ArrayDeque<>();
    private final Deque<CheckpointStats> history = new ArrayDeque<>();
    private Participants participants;
    private long nextId;
    private int consecutiveFailures;
    private long completedCount;
    private long failedCount;
    private long lastCompletionMillis = Long.MIN_VALUE;
    private ScheduledFuture<?> periodic;
    private boolean shutdown;

    /**
     * @param restoredId the id of the checkpoint or savepoint the job starts from, or 0
     */
    public CheckpointCoordinator(String jobName, CheckpointConfig config, List<CheckpointMetadata.Vertex> vertices,
            ScheduledExecutorService timer, Clock clock, long restoredId, Consumer<Throwable> failJob) {
        this.jobName = jobName;
        this.config = config;
        this.vertices = List.copyOf(vertices);
        this.timer = timer;
        this.clock = clock;
        this.failJob = failJob;
        long highest = restoredId;
        if (config.directory() != null) {
            for (Path existing : CheckpointStorage.completeCheckpoints(config.directory())) {
                retained.add(existing);
                highest = Math.max(highest, CheckpointStorage.checkpointId(existing));
            }
        }
        this.nextId = highest + 1;
    }

    /** Starts periodic checkpoints, when configured. */
    public synchronized void start() {
        if (config.isEnabled() && periodic == null && !shutdown) {
            periodic = timer.scheduleAtFixedRate(this::triggerPeriodic, config.intervalMillis(),
                    config.intervalMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A new attempt of the job runs; checkpoints are triggered at its tasks from now on. */
    public synchronized void attemptStarted(Participants attempt) {
        this.participants = attempt;
    }

    /** The running attempt has ended: what is in flight can never complete; it does not count as failed checkpoints. */
    public synchronized void attemptEnded() {
        participants = null;
        for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
            abort(checkpoint, new WeirException(ErrorKind.EXECUTION, "The job stopped or restarted during checkpoint "
                    + checkpoint.id), false);
        }
    }

    /** Stops triggering and aborts what is in flight. Idempotent. */
    public synchronized void shutdown() {
        shutdown = true;
        if (periodic != null) {
            periodic.cancel(false);
        }
        attemptEnded();
    }

    /**
     * Takes a savepoint into {@code directory}: a checkpoint that is not subject to retention and stays until the
     * user deletes it. Completes with its metadata, or exceptionally when it cannot be taken or fails.
     */
    public CompletableFuture<CheckpointMetadata> triggerSavepoint(Path directory) {
        return trigger(true, directory);
    }

    /** Triggers a checkpoint now, outside the schedule (tests, and the periodic trigger). */
    public CompletableFuture<CheckpointMetadata> triggerCheckpoint() {
        return trigger(false, null);
    }

    /** The newest complete periodic checkpoint's directory, or null. */
    public synchronized Path latestCompleted() {
        return retained.peekLast();
    }

    /** Recent checkpoints, newest first: those in flight, then finished ones. */
    public synchronized List<CheckpointStats> stats() {
        List<CheckpointStats> out = new ArrayList<>();
        long now = clock.millis();
        for (PendingCheckpoint checkpoint : pending.descendingMap().values()) {
            out.add(new CheckpointStats(checkpoint.id, "IN_PROGRESS", checkpoint.savepoint,
                    checkpoint.triggerTimestamp, now - checkpoint.triggerTimestamp, checkpoint.alignmentMillis(),
                    checkpoint.size(), checkpoint.directory.toString(), null));
        }
        out.addAll(history);
        return out;
    }

    /** How many checkpoints and savepoints completed, and how many failed, since the job started. */
    public synchronized long[] counts() {
        return new long[] {completedCount, failedCount};
    }

    @Override
    public synchronized Path directoryFor(long checkpointId) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        return checkpoint == null ? null : checkpoint.directory;
    }

    @Override
    public void acknowledge(int attempt, long checkpointId, String task, long stateSize, long alignmentNanos) {
        Participants notify;
        PendingCheckpoint done;
        CheckpointMetadata metadata;
        List<Path> expired = new ArrayList<>();
        synchronized (this) {
            PendingCheckpoint checkpoint = pending.get(checkpointId);
            if (checkpoint == null || checkpoint.attempt != attempt
                    || !checkpoint.acknowledge(task, stateSize, alignmentNanos)) {
                return;
            }
            pending.remove(checkpointId);
            checkpoint.expiry.cancel(false);
            long now = clock.millis();
            metadata = new CheckpointMetadata(checkpointId, checkpoint.triggerTimestamp, checkpoint.savepoint,
                    jobName, vertices, checkpoint.size());
            try {
                CheckpointStorage.writeMetadata(checkpoint.directory, metadata);
            } catch (IOException e) {
                abort(checkpoint, e, true);
                return;
            }
            consecutiveFailures = 0;
            completedCount++;
            lastCompletionMillis = now;
            record(new CheckpointStats(checkpointId, "COMPLETED", checkpoint.savepoint, checkpoint.triggerTimestamp,
                    now - checkpoint.triggerTimestamp, checkpoint.alignmentMillis(), checkpoint.size(),
                    checkpoint.directory.toString(), null));
            if (!checkpoint.savepoint) {
                retained.addLast(checkpoint.directory);
                while (retained.size() > config.numRetained()) {
                    expired.add(retained.pollFirst());
                }
            }
            // An older checkpoint still in flight is subsumed: restoring would always pick this one.
            for (PendingCheckpoint older : new ArrayList<>(pending.headMap(checkpointId).values())) {
                if (!older.savepoint) {
                    abort(older, new WeirException(ErrorKind.EXECUTION, "Subsumed by checkpoint " + checkpointId),
                            false);
                }
            }
            notify = participants;
            done = checkpoint;
        }
        for (Path old : expired) {
            deleteQuietly(old);
        }
        if (notify != null && notify.attempt() == attempt) {
            notify.notifyComplete(checkpointId);
        }
        done.result.complete(metadata);
    }

    @Override
    public synchronized void decline(int attempt, long checkpointId, String task, Throwable cause) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null && checkpoint.attempt == attempt) {
            abort(checkpoint, new WeirException(ErrorKind.EXECUTION, "Task " + task + " could not take checkpoint "
                    + checkpointId + ": " + cause.getMessage(), cause), true);
        }
    }

    private void triggerPeriodic() {
        try {
            synchronized (this) {
                if (shutdown || participants == null) {
                    return;
                }
                boolean pausing = lastCompletionMillis != Long.MIN_VALUE
                        && clock.millis() - lastCompletionMillis < config.minPauseMillis();
                if (pendingPeriodic() >= config.maxConcurrent() || pausing) {
                    return;
                }
            }
            trigger(false, null);
        } catch (RuntimeException e) {
            LOG.warn("Could not trigger a checkpoint of {}", jobName, e);
        }
    }

    private CompletableFuture<CheckpointMetadata> trigger(boolean savepoint, Path savepointDirectory) {
        Participants attempt;
        PendingCheckpoint checkpoint;
        synchronized (this) {
            attempt = participants;
            String refusal = shutdown ? "the job has ended"
                    : attempt == null ? "the job is restarting"
                    : !savepoint && config.directory() == null ? "no checkpoint directory is configured" : null;
            Set<String> tasks = refusal == null ? attempt.checkpointableTasks() : null;
            if (refusal == null && tasks == null) {
                refusal = "all its sources have ended, or one of them ended before reading all its input";
            }
            if (refusal != null) {
                return CompletableFuture.failedFuture(new WeirException(ErrorKind.VALIDATION,
                        "Cannot take a " + (savepoint ? "savepoint" : "checkpoint") + " of " + jobName + " now: "
                                + refusal));
            }
            long id = nextId++;
            Path directory = savepoint ? savepointDirectory
                    : CheckpointStorage.checkpointDirectory(config.directory(), id);
            checkpoint = new PendingCheckpoint(id, attempt.attempt(), clock.millis(), savepoint, directory, tasks);
            pending.put(id, checkpoint);
            checkpoint.expiry = timer.schedule(() -> expire(id), config.timeoutMillis(), TimeUnit.MILLISECONDS);
        }
        attempt.triggerSources(new CheckpointBarrier(checkpoint.id, checkpoint.triggerTimestamp, savepoint));
        return checkpoint.result;
    }

    private synchronized void expire(long checkpointId) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null) {
            abort(checkpoint, new WeirException(ErrorKind.EXECUTION, "Checkpoint " + checkpointId
                    + " expired before completing (execution.checkpointing.timeout)"), true);
        }
    }

    /** Called under the lock. {@code counts}: a real failure, which counts toward the tolerable limit. */
    private void abort(PendingCheckpoint checkpoint, Throwable cause, boolean counts) {
        pending.remove(checkpoint.id);
        if (checkpoint.expiry != null) {
            checkpoint.expiry.cancel(false);
        }
        long now = clock.millis();
        record(new CheckpointStats(checkpoint.id, "FAILED", checkpoint.savepoint, checkpoint.triggerTimestamp,
                now - checkpoint.triggerTimestamp, checkpoint.alignmentMillis(), checkpoint.size(),
                checkpoint.directory.toString(), cause.getMessage()));
        failedCount++;
        Path directory = checkpoint.directory;
        timer.execute(() -> deleteQuietly(directory));
        Participants attempt = participants;
        if (attempt != null && attempt.attempt() == checkpoint.attempt) {
            attempt.notifyAborted(checkpoint.id);
        }
        checkpoint.result.completeExceptionally(cause);
        if (counts && !checkpoint.savepoint) {
            LOG.warn("Checkpoint {} of {} failed: {}", checkpoint.id, jobName, cause.getMessage());
            consecutiveFailures++;
            if (consecutiveFailures > config.tolerableFailures()) {
                consecutiveFailures = 0;
                failJob.accept(new WeirException(ErrorKind.EXECUTION, "Checkpoints of " + jobName + " failed "
                        + "more often in a row than execution.checkpointing.tolerable-failed-checkpoints ("
                        + config.tolerableFailures() + ") allows: " + cause.getMessage(), cause));
            }
        }
    }

    private int pendingPeriodic() {
        int count = 0;
        for (PendingCheckpoint checkpoint : pending.values()) {
            if (!checkpoint.savepoint) {
                count++;
            }
        }
        return count;
    }

    private void record(CheckpointStats stats) {
        history.addFirst(stats);
        while (history.size() > HISTORY) {
            history.pollLast();
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            CheckpointStorage.delete(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", directory, e);
        }
    }
}
