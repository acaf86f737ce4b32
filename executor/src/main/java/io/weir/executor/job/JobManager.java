package io.weir.executor.job;

import io.weir.executor.graph.JobGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executor's entry point: runs job graphs, each task of each job on its own daemon thread, and on
 * {@link #close()} cancels what still runs and waits for its threads. Thread-safe.
 */
public final class JobManager implements AutoCloseable {

    private final RuntimeOptions options;
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
    public synchronized Job submit(JobGraph graph) {
        if (closed) {
            throw new IllegalStateException("The job manager is closed");
        }
        Job job = new Job(graph, options, running::remove);
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
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
