package io.weir.executor.job;

import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.CheckpointCoordinator;
import io.weir.executor.data.CheckpointBarrier;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.runtime.Cancellation;
import io.weir.executor.runtime.Mailbox;
import io.weir.executor.runtime.MetricRegistry;
import io.weir.executor.runtime.SourceTask;
import io.weir.executor.runtime.Task;
import io.weir.executor.runtime.TaskCanceledException;
import io.weir.executor.runtime.TaskCheckpointing;
import io.weir.executor.runtime.TaskGraphBuilder;
import io.weir.executor.runtime.TaskSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One attempt at running a job: its tasks, one platform thread each, and how the attempt ended. A {@link Job}
 * runs one attempt at a time and starts another from the latest checkpoint when one fails.
 *
 * <p>The first task failure fails the attempt and cancels every other task; {@link #cancel()} cancels them all.
 * The end is reported (to {@code onEnded}) only after every task thread has ended, so no operator is still open.
 *
 * <p>The attempt finishes when its sinks have. An operator that says it is finished (a LIMIT over an unbounded
 * source) ends its task before the task's input ends, and what comes after it ends in turn; once every task that
 * ends in a sink has ended normally, and some task ended early so, the tasks still running upstream can change
 * nothing: they are stopped, and the attempt is FINISHED. {@link #stop()} ends it the same way on request.
 */
final class Execution implements CheckpointCoordinator.Participants {

    /** Deeper cause chains than this are not searched for a {@link WeirException} (a guard against cycles). */
    private static final int MAX_CAUSE_DEPTH = 64;

    private final int attempt;
    private final Cancellation cancellation = new Cancellation();
    private final List<Task> tasks;
    private final List<Thread> threads = new ArrayList<>();
    /** Joins the task threads, then reports the end: reporting from a task thread would leave that thread alive. */
    private final Thread reaper;
    private final Consumer<Execution> onEnded;
    private final Object lock = new Object();
    /** Written under {@link #lock}; read without it. */
    private volatile JobState state = JobState.CREATED;
    /** The first failure, as callers see it; written under {@link #lock} before {@link #state} becomes FAILED. */
    private volatile Throwable failure;
    /**
     * Every sink ended normally, or the attempt is being stopped: what still runs is being stopped, and neither its
     * unwinding nor a cancel changes the outcome any more. Written under {@link #lock}.
     */
    private boolean sinksEnded;

    Execution(JobGraph graph, RuntimeOptions options, MetricRegistry metrics, TaskCheckpointing checkpointing,
            Consumer<Execution> onEnded) {
        this.attempt = checkpointing.attempt();
        this.onEnded = onEnded;
        TaskSettings settings = new TaskSettings(options.chunkSize(), options.channelCapacity(),
                TimeUnit.MILLISECONDS.toNanos(options.flushIntervalMillis()), options.clock());
        this.tasks = TaskGraphBuilder.build(graph, settings, metrics, cancellation, this::taskFailed, checkpointing);
        for (Task task : tasks) {
            Thread thread = new Thread(task, task.name());
            thread.setDaemon(true);
            threads.add(thread);
        }
        this.reaper = new Thread(this::awaitTasksAndEnd, "weir-job-" + graph.name() + "-" + attempt);
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

    /** Interrupts every task; the attempt ends CANCELED. No effect once it is over. */
    void cancel() {
        synchronized (lock) {
            if (state != JobState.RUNNING || sinksEnded || !anyThreadAlive()) {
                return;
            }
            state = JobState.CANCELED;
        }
        stopTasks();
    }

    /** Stops every task; the attempt ends FINISHED (stop with savepoint, once the savepoint is committed). */
    void stop() {
        synchronized (lock) {
            if (state != JobState.RUNNING || sinksEnded) {
                return;
            }
            sinksEnded = true;
        }
        stopTasks();
    }

    /** Fails the attempt from outside its tasks (too many failed checkpoints). */
    void fail(Throwable cause) {
        synchronized (lock) {
            if (state != JobState.RUNNING || sinksEnded) {
                return;
            }
            failure = userFacing(cause);
            state = JobState.FAILED;
        }
        stopTasks();
    }

    JobState state() {
        return state;
    }

    Throwable failure() {
        return failure;
    }

    List<Task> tasks() {
        return tasks;
    }

    void awaitTermination() throws InterruptedException {
        reaper.join();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Set<String> checkpointableTasks() {
        if (state != JobState.RUNNING || sinksEnded) {
            return null;
        }
        Set<String> names = new HashSet<>();
        boolean anySourceRunning = false;
        for (Task task : tasks) {
            if (task instanceof SourceTask source) {
                if (source.isRunning()) {
                    anySourceRunning = true;
                } else if (!source.finishedInput()) {
                    return null; // ended early or failed: where it stood is unknown
                }
                // A source that read all its input acknowledges with its final positions.
                names.add(task.name());
            } else if (task.isRunning()) {
                // A finished operator task has emitted everything and holds nothing worth restoring.
                names.add(task.name());
            }
        }
        return anySourceRunning ? names : null;
    }

    @Override
    public void triggerSources(CheckpointBarrier barrier) {
        for (Task task : tasks) {
            if (task instanceof SourceTask source) {
                Mailbox.Mail trigger = () -> source.triggerCheckpoint(barrier);
                source.mailbox().submit(trigger);
                if (source.mailbox().isClosed() && source.mailbox().retract(trigger)) {
                    // The task has ended: it will not run the trigger, which then records its final positions here.
                    try {
                        trigger.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    @Override
    public void notifyComplete(long checkpointId) {
        for (Task task : tasks) {
            task.mailbox().submit(() -> task.notifyCheckpointComplete(checkpointId));
        }
    }

    @Override
    public void notifyAborted(long checkpointId) {
        for (Task task : tasks) {
            task.mailbox().submit(() -> task.notifyCheckpointAborted(checkpointId));
        }
    }

    private void taskFailed(Task task, Throwable cause) {
        if (cause instanceof TaskCanceledException && cancellation.isCancelled()) {
            return; // the consequence of a cancel or an earlier failure, not a failure of its own
        }
        fail(cause);
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

    private void awaitTasksAndEnd() {
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
        onEnded.accept(this);
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
}
