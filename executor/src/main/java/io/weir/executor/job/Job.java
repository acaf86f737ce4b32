package io.weir.executor.job;

import io.weir.executor.api.WeirException;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.runtime.Cancellation;
import io.weir.executor.runtime.MetricRegistry;
import io.weir.executor.runtime.Task;
import io.weir.executor.runtime.TaskCanceledException;
import io.weir.executor.runtime.TaskGraphBuilder;
import io.weir.executor.runtime.TaskSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running query: its tasks, one platform thread each, and what became of them. Created and started by
 * {@link JobManager#submit}.
 *
 * <p>The first task failure fails the job and cancels every other task; {@link #cancel()} cancels them all.
 * Either way {@link #completion()} completes only after every task thread has ended, so a caller that sees it
 * done knows the job holds no thread and no operator is still open.
 *
 * <p>The job finishes when its sinks have. An operator that says it is finished (a LIMIT over an unbounded
 * source) ends its task before the task's input ends, and what comes after it ends in turn; once every task that
 * ends in a sink has ended normally, and some task ended early so, the tasks still running upstream can change
 * nothing: they are stopped, and the job is FINISHED.
 */
public final class Job {

    /** Deeper cause chains than this are not searched for a {@link WeirException} (a guard against cycles). */
    private static final int MAX_CAUSE_DEPTH = 64;

    private final String name;
    private final Cancellation cancellation = new Cancellation();
    private final MetricRegistry metrics = new MetricRegistry();
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final List<Task> tasks;
    private final List<Thread> threads = new ArrayList<>();
    /** Joins the task threads, then completes the job: completing from a task thread would leave that thread alive. */
    private final Thread reaper;
    private final Consumer<Job> onTerminated;
    private final Object lock = new Object();
    /** Written under {@link #lock}; read without it. */
    private volatile JobState state = JobState.CREATED;
    /** The first failure, as callers see it; written under {@link #lock} before {@link #state} becomes FAILED. */
    private volatile Throwable failure;
    /**
     * Every sink ended normally; what still runs is being stopped, and neither its unwinding nor a cancel changes
     * the outcome any more. Written under {@link #lock}.
     */
    private boolean sinksEnded;

    Job(JobGraph graph, RuntimeOptions options, Consumer<Job> onTerminated) {
        this.name = graph.name();
        this.onTerminated = onTerminated;
        TaskSettings settings = new TaskSettings(options.chunkSize(), options.channelCapacity(),
                TimeUnit.MILLISECONDS.toNanos(options.flushIntervalMillis()), options.clock());
        this.tasks = TaskGraphBuilder.build(graph, settings, metrics, cancellation, this::taskFailed);
        for (Task task : tasks) {
            Thread thread = new Thread(task, task.name());
            thread.setDaemon(true);
            threads.add(thread);
        }
        this.reaper = new Thread(this::awaitTasksAndComplete, "weir-job-" + name);
        reaper.setDaemon(true);
    }

    void start() {
        synchronized (lock) {
            state = JobState.RUNNING;
        }
        try {
            for (Thread thread : threads) {
                thread.start();
            }
        } catch (Throwable t) {
            // Out of threads: fail what started; join() returns at once for threads never started.
            fail(t);
        } finally {
            reaper.start();
        }
    }

    public String name() {
        return name;
    }

    /**
     * Completes normally when every task finished; exceptionally with the first failure (the first
     * {@link WeirException} in its cause chain, if there is one) or with a {@link CancellationException} after
     * {@link #cancel()}. Always after all the job's threads have ended. Cancelling the returned future itself
     * does not cancel the job: call {@link #cancel()}.
     */
    public CompletableFuture<Void> completion() {
        return completion;
    }

    /** Stops a running job: every task is interrupted and unwinds, closing its operators. No effect once the job is over. */
    public void cancel() {
        synchronized (lock) {
            if (state != JobState.RUNNING || sinksEnded || !anyThreadAlive()) {
                return;
            }
            state = JobState.CANCELED;
        }
        stopTasks();
    }

    public JobState state() {
        return state;
    }

    /** The failure that failed the job, as {@link #completion()} reports it; null unless the state is FAILED. */
    public Throwable failure() {
        return failure;
    }

    /**
     * The job's counters: those operators created through {@code OperatorContext.counter(name)}, summed over
     * subtasks, and {@code <vertexName>.records_out} per vertex. A consistent-enough snapshot, sorted by name.
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

    /** The tasks, for runtime tests and later for control actions through their mailboxes. */
    List<Task> tasks() {
        return tasks;
    }

    /** Waits until every thread of the job, the reaper included, has ended. */
    void awaitTermination() throws InterruptedException {
        reaper.join();
    }

    private void taskFailed(Task task, Throwable cause) {
        if (cause instanceof TaskCanceledException && cancellation.isCancelled()) {
            return; // the consequence of a cancel or an earlier failure, not a failure of its own
        }
        fail(cause);
    }

    private void fail(Throwable cause) {
        synchronized (lock) {
            if (state != JobState.RUNNING || sinksEnded) {
                return;
            }
            failure = userFacing(cause);
            state = JobState.FAILED;
        }
        stopTasks();
    }

    private void stopTasks() {
        cancellation.cancel();
        for (Thread thread : threads) {
            if (thread != Thread.currentThread()) {
                thread.interrupt();
            }
        }
    }

    private boolean anyThreadAlive() {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private void awaitTasksAndComplete() {
        for (int t = 0; t < threads.size(); t++) {
            if (tasks.get(t).isSink()) {
                joinUninterruptibly(threads.get(t));
            }
        }
        stopWhatNoSinkReads();
        for (Thread thread : threads) {
            joinUninterruptibly(thread);
        }
        synchronized (lock) {
            if (state == JobState.RUNNING) {
                state = JobState.FINISHED;
            }
        }
        onTerminated.accept(this);
        switch (state) {
            case FAILED -> completion.completeExceptionally(failure);
            case CANCELED -> completion.completeExceptionally(new CancellationException("Job '" + name + "' was cancelled"));
            default -> completion.complete(null);
        }
    }

    /**
     * Once every sink has ended normally, and a task ended early, stops the tasks still running: their output has
     * nowhere to go. Without an early end, every task ends by itself (a source task may still be closing its reader).
     */
    private void stopWhatNoSinkReads() {
        synchronized (lock) {
            if (state != JobState.RUNNING || !anyThreadAlive() || tasks.stream().noneMatch(Task::endedEarly)) {
                return;
            }
            sinksEnded = true;
        }
        stopTasks();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What callers see of a failure: a {@link WeirException} anywhere in the cause chain, else the failure itself. */
    static Throwable userFacing(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof WeirException) {
                return t;
            }
        }
        return failure;
    }

    @Override
    public String toString() {
        return "Job[" + name + ", " + state + "]";
    }
}
