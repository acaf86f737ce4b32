package io.weir.executor.job;

import io.weir.executor.checkpoint.CheckpointCoordinator;
import io.weir.executor.checkpoint.CheckpointMetadata;
import io.weir.executor.checkpoint.CheckpointRestore;
import io.weir.executor.checkpoint.CheckpointStats;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.JobVertex;
import io.weir.executor.runtime.MetricRegistry;
import io.weir.executor.runtime.Task;
import io.weir.executor.runtime.TaskCheckpointing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running query: one {@link Execution} (attempt) at a time, its checkpoint coordinator, and its outcome.
 * Created and started by {@link JobManager#submit}.
 *
 * <p>When an attempt fails and the restart strategy allows, the job stays alive (RESTARTING, then RUNNING) and a
 * new attempt starts from the latest completed checkpoint: operators get their state back, sources seek to their
 * positions, sinks settle what was pending. Otherwise the job ends as its attempt did. {@link #completion()}
 * completes only after the last attempt's threads have all ended.
 */
public final class Job {

    private static final Logger LOG = LoggerFactory.getLogger(Job.class);
    /** The counter of restarts among the job's metrics, so it outlives the job in the query's record. */
    public static final String RESTARTS_METRIC = "restarts";

    private final String name;
    private final JobGraph graph;
    private final RuntimeOptions options;
    private final JobConfig config;
    private final JobManager.Services services;
    private final MetricRegistry metrics = new MetricRegistry();
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final CheckpointCoordinator coordinator;
    private final RestartStrategy.Tracker restarts;
    private final Consumer<Job> onTerminated;
    private final Object lock = new Object();
    /** Written under {@link #lock}; read without it. */
    private volatile JobState state = JobState.CREATED;
    private volatile Throwable failure;
    /** The attempt running now, or the last one; written under {@link #lock}. */
    private volatile Execution current;
    private ScheduledFuture<?> pendingRestart;
    private int attempts;
    /** The checkpoint the first attempt started from, until the job completes one of its own. */
    private final CheckpointRestore initialRestore;

    Job(JobGraph graph, RuntimeOptions options, JobConfig config, JobManager.Services services,
            Consumer<Job> onTerminated) {
        this.name = graph.name();
        this.graph = graph;
        this.options = options;
        this.config = config;
        this.services = services;
        this.onTerminated = onTerminated;
        this.restarts = config.restart().newTracker();
        // Opened here, so that a bad path fails the submit as the user's mistake, before anything starts.
        this.initialRestore = config.restoreFrom() == null ? null : CheckpointRestore.open(config.restoreFrom());
        long restoredId = initialRestore == null ? 0 : initialRestore.metadata().checkpointId();
        List<CheckpointMetadata.Vertex> vertices = new ArrayList<>();
        for (JobVertex vertex : graph.vertices()) {
            vertices.add(new CheckpointMetadata.Vertex(vertex.id(), vertex.name(), vertex.parallelism()));
        }
        this.coordinator = new CheckpointCoordinator(name, config.checkpoints(), vertices, services.timer(),
                options.clock(), restoredId, this::failCurrentAttempt);
    }

    void start() {
        synchronized (lock) {
            state = JobState.RUNNING;
            launch(initialRestore);
        }
        coordinator.start();
    }

    public String name() {
        return name;
    }

    /**
     * Completes normally when the job finished; exceptionally with the failure that ended it (the first
     * {@link io.weir.executor.api.WeirException} in its cause chain, if there is one) or with a
     * {@link CancellationException} after {@link #cancel()}. Always after all the job's threads have ended.
     * Cancelling the returned future itself does not cancel the job: call {@link #cancel()}.
     */
    public CompletableFuture<Void> completion() {
        return completion;
    }

    /** Stops the job: every task is interrupted and unwinds, closing its operators. No effect once the job is over. */
    public void cancel() {
        Execution attempt;
        synchronized (lock) {
            if (state.isTerminal() || state == JobState.CREATED) {
                return;
            }
            state = JobState.CANCELED;
            attempt = current;
            if (pendingRestart != null) {
                // Between attempts: nothing runs, so the job ends here.
                pendingRestart.cancel(false);
                pendingRestart = null;
                attempt = null;
            }
        }
        if (attempt != null) {
            attempt.cancel();
        } else {
            terminate();
        }
    }

    /**
     * Takes a savepoint into {@code directory} and completes with its metadata once it is complete (sinks commit
     * what it covers when they hear of it).
     */
    public CompletableFuture<CheckpointMetadata> triggerSavepoint(Path directory) {
        return coordinator.triggerSavepoint(directory);
    }

    /**
     * Stop with savepoint: takes a savepoint into {@code directory}, lets every task hear that it is complete (so
     * sinks commit), then stops the job, which ends FINISHED. Completes with the savepoint's metadata.
     */
    public CompletableFuture<CheckpointMetadata> stopWithSavepoint(Path directory) {
        return coordinator.triggerSavepoint(directory).thenCompose(metadata -> {
            Execution attempt = current;
            CompletableFuture<CheckpointMetadata> stopped = new CompletableFuture<>();
            // A task that ends meanwhile never runs its mail; the job's end then says it has stopped.
            completion.whenComplete((ignored, failure) -> stopped.complete(metadata));
            // Mail runs in order: each task's commit notification has run when this reaches it.
            List<Task> tasks = attempt.tasks();
            AtomicInteger remaining = new AtomicInteger(tasks.size());
            for (Task task : tasks) {
                Runnable done = () -> {
                    if (remaining.decrementAndGet() == 0) {
                        attempt.stop();
                        stopped.complete(metadata);
                    }
                };
                if (task.isRunning()) {
                    task.mailbox().submit(done::run);
                } else {
                    done.run();
                }
            }
            return stopped;
        });
    }

    public JobState state() {
        return state;
    }

    /** The failure that failed the job, as {@link #completion()} reports it; null unless the state is FAILED. */
    public Throwable failure() {
        return failure;
    }

    /** How many times the job restarted after a failure. */
    public int restartCount() {
        synchronized (lock) {
            return restarts.restarts();
        }
    }

    /** Recent checkpoints and savepoints, newest first. */
    public List<CheckpointStats> checkpoints() {
        return coordinator.stats();
    }

    /** How many checkpoints (and savepoints) completed, and how many failed: {@code {completed, failed}}. */
    public long[] checkpointCounts() {
        return coordinator.counts();
    }

    /** Triggers a checkpoint now (tests; the coordinator triggers periodic ones itself). */
    public CompletableFuture<CheckpointMetadata> triggerCheckpoint() {
        return coordinator.triggerCheckpoint();
    }

    /** The newest completed checkpoint's directory, or null. */
    public Path latestCheckpoint() {
        return coordinator.latestCompleted();
    }

    /**
     * The job's counters: those operators created through {@code OperatorContext.counter(name)}, summed over
     * subtasks and attempts, and {@code <vertexName>.records_out} per vertex. Sorted by name.
     */
    public Map<String, Long> metrics() {
        return metrics.snapshot();
    }

    /**
     * Per vertex, in vertex id order: rows in and out and the watermark it forwarded, read now from counters the
     * tasks update once per chunk. Cheap enough to poll for a status page.
     */
    public List<VertexStats> vertexStats() {
        return metrics.vertices().stream()
                .map(v -> new VertexStats(v.name(), v.parallelism(), v.recordsIn(), v.recordsOut(), v.watermark()))
                .toList();
    }

    /** The running attempt's tasks, for runtime tests and control actions through their mailboxes. */
    List<Task> tasks() {
        return current.tasks();
    }

    /** Waits until the job is over and every thread of its last attempt has ended. */
    void awaitTermination() throws InterruptedException {
        try {
            completion.exceptionally(t -> null).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Called under the lock. */
    private void launch(CheckpointRestore restore) {
        attempts++;
        TaskCheckpointing checkpointing = new TaskCheckpointing(config.checkpoints().isEnabled(),
                config.checkpoints().mode(), coordinator,
                services.io(), attempts, restore);
        Execution attempt = new Execution(graph, options, metrics, checkpointing, this::attemptEnded);
        current = attempt;
        coordinator.attemptStarted(attempt);
        attempt.start();
    }

    private void attemptEnded(Execution attempt) {
        coordinator.attemptEnded();
        synchronized (lock) {
            if (state == JobState.RUNNING && attempt.state() == JobState.FAILED) {
                long delay = restarts.onFailure(options.clock().millis());
                if (delay >= 0) {
                    LOG.warn("Job {} failed; restarting in {} ms from {}", name, delay, restorePointName(),
                            attempt.failure());
                    state = JobState.RESTARTING;
                    metrics.counter(RESTARTS_METRIC).inc(1);
                    pendingRestart = services.timer().schedule(this::restart, delay, TimeUnit.MILLISECONDS);
                    return;
                }
            }
            if (state == JobState.RUNNING) {
                state = attempt.state();
            }
            if (state == JobState.FAILED) {
                failure = attempt.failure();
            }
        }
        terminate();
    }

    private void restart() {
        synchronized (lock) {
            if (state != JobState.RESTARTING) {
                return;
            }
            pendingRestart = null;
            state = JobState.RUNNING;
            try {
                launch(restorePoint());
            } catch (RuntimeException e) {
                state = JobState.FAILED;
                failure = Execution.userFacing(e);
            }
        }
        if (state == JobState.FAILED) {
            terminate();
        }
    }

    private Object restorePointName() {
        Path latest = coordinator.latestCompleted();
        return latest != null ? latest : initialRestore != null ? initialRestore.directory() : "the start";
    }

    /** The latest completed checkpoint, else what the job started from (null: from scratch). */
    private CheckpointRestore restorePoint() {
        Path latest = coordinator.latestCompleted();
        return latest != null ? CheckpointRestore.open(latest) : initialRestore;
    }

    private void failCurrentAttempt(Throwable cause) {
        Execution attempt = current;
        if (attempt != null) {
            attempt.fail(cause);
        }
    }

    private void terminate() {
        coordinator.shutdown();
        onTerminated.accept(this);
        switch (state) {
            case FAILED -> completion.completeExceptionally(failure);
            case CANCELED -> completion.completeExceptionally(
                    new CancellationException("Job '" + name + "' was cancelled"));
            default -> completion.complete(null);
        }
    }

    @Override
    public String toString() {
        return "Job[" + name + ", " + state + "]";
    }
}
