package io.weir.executor.job;

import io.weir.executor.graph.JobGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor's entry point: runs job graphs, each task of each job on its own daemon thread, and on
 * {@link #close()} cancels what still runs and waits for its threads. Thread-safe.
 */
public final class JobManager implements AutoCloseable {

    /**
     * Threads every job shares: the timer that triggers checkpoints and restarts, and the I/O threads that write
     * snapshots off the task threads.
     */
    record Services(ScheduledExecutorService timer, ExecutorService io) {
    }

    private final RuntimeOptions options;
    private final Services services =
            new Services(timer(), Executors.newFixedThreadPool(2, daemon("weir-checkpoint-io")));
    private final Set<Job> running = ConcurrentHashMap.newKeySet();
    /** Guarded by {@code this}, so no job starts after close began. */
    private boolean closed;

    public JobManager(RuntimeOptions options) {
        this.options = options;
    }

    public JobManager() {
        this(RuntimeOptions.defaults());
    }

    public RuntimeOptions options() {
        return options;
    }

    /**
     * Starts a job at once and returns it RUNNING (or already over, for a job that ends very fast).
     *
     * @throws io.weir.executor.api.WeirException of kind INTERNAL when the graph is malformed (a planner bug)
     * @throws IllegalStateException after {@link #close()}
     */
    public Job submit(JobGraph graph) {
        return submit(graph, JobConfig.defaults());
    }

    /**
     * Starts a job with checkpoints, a restart strategy or a checkpoint to start from.
     *
     * @throws io.weir.executor.api.WeirException of kind VALIDATION when the checkpoint to restore is unusable
     */
    public synchronized Job submit(JobGraph graph, JobConfig config) {
        if (closed) {
            throw new IllegalStateException("The job manager is closed");
        }
        Job job = new Job(graph, options, config, services, running::remove);
        running.add(job);
        job.start();
        return job;
    }

    /** The jobs whose threads have not all ended yet. */
    public List<Job> runningJobs() {
        return List.copyOf(running);
    }

    /** Cancels every running job and waits until all their threads have ended. Idempotent. */
    @Override
    public void close() {
        List<Job> jobs;
        synchronized (this) {
            closed = true;
            jobs = new ArrayList<>(running);
        }
        for (Job job : jobs) {
            job.cancel();
        }
        boolean interrupted = false;
        for (Job job : jobs) {
            while (true) {
                try {
                    job.awaitTermination();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        services.timer().shutdownNow();
        services.io().shutdownNow();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One thread; cancelled timeouts leave its queue at once, so a long timeout does not pile them up. */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("weir-checkpoint-timer"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
