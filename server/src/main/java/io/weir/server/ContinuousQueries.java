package io.weir.server;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.ResultCollector;
import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.CheckpointMetadata;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.job.Job;
import io.weir.executor.job.JobConfig;
import io.weir.executor.job.JobManager;
import io.weir.planner.Column;
import io.weir.planner.StatementResult;
import io.weir.server.result.PagedResultBuffer;
import io.weir.server.result.ResultEnd;
import io.weir.server.result.ResultOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs continuous queries (statements over unbounded sources) detached from the request that started them, and
 * holds the result buffers their clients read. A SELECT's rows go to a {@link PagedResultBuffer}; an INSERT's go
 * to its table. The registry records each query's outcome when its job's threads have ended.
 *
 * <p>A result buffer outlives its job until its client has read the last page; of the ended results, only the
 * most recent {@value #RETAINED_ENDED_RESULTS} are kept. Thread-safe.
 */
final class ContinuousQueries implements AutoCloseable {

    static final int RETAINED_ENDED_RESULTS = 64;
    private static final long SAVEPOINT_TIMEOUT_SECONDS = 120;
    private static final String SERVER_STOPPED = "The server stopped while the query ran";

    private final JobManager jobs;
    private final QueryRegistry queries;
    private final LongAdder deliveredRows;
    /** Result buffers by query id, oldest first; guarded by itself. */
    private final Map<String, PagedResultBuffer> results = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> propertiesById = new ConcurrentHashMap<>();
    private final JobSettings settings;
    private final Clock clock;
    private volatile boolean closing;

    /** @param deliveredRows the server's count of result rows handed to clients, which the buffers add to */
    ContinuousQueries(JobManager jobs, QueryRegistry queries, LongAdder deliveredRows, JobSettings settings,
            Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.queries = queries;
        this.deliveredRows = deliveredRows;
    }

    /**
     * Starts {@code job} (an unbounded SELECT or INSERT) and answers at once: for a SELECT with its columns and
     * where its results are, for an INSERT with its state and table. Bad result settings fail before anything
     * is registered.
     */
    Map<String, Object> start(String statement, StatementResult.Job job, Map<String, String> properties) {
        return run(null, statement, job, properties);
    }

    /**
     * Starts again a query that ran with checkpoints when the server stopped, under its own id, from its latest
     * complete checkpoint. A SELECT's client reconnects to its results; rows it had read before may come again.
     */
    Map<String, Object> resume(String queryId, String statement, StatementResult.Job job,
            Map<String, String> properties) {
        return run(queryId, statement, job, properties);
    }

    private Map<String, Object> run(String resumedId, String statement, StatementResult.Job job,
            Map<String, String> properties) {
        boolean query = job.kind() == StatementResult.Job.Kind.QUERY;
        PagedResultBuffer buffer = query ? new PagedResultBuffer(job.columns().stream().map(Column::type).toList(),
                ResultOptions.from(properties), deliveredRows) : null;
        QueryInfo info = resumedId == null ? queries.register(statement, "streaming", job.parallelism(), job.plan())
                : queries.reopen(resumedId);
        String queryId = info.queryId();
        Job running;
        JobGraph graph;
        try {
            JobConfig config = resumedId == null ? settings.forNewQuery(queryId, properties)
                    : settings.forResumedQuery(queryId, properties);
            queries.recordProperties(queryId, properties);
            ResultCollector collector = query ? buffer : chunk -> { };
            graph = StatementExecutor.nameAfterQuery(queryId, job.jobGraph().apply(collector));
            running = jobs.submit(graph, config);
        } catch (RuntimeException e) {
            queries.finish(queryId, QueryState.FAILED, Map.of(), e.getMessage());
            throw e;
        }
        if (query) {
            synchronized (results) {
                results.put(queryId, buffer);
            }
        }
        propertiesById.put(queryId, Map.copyOf(properties));
        queries.running(queryId, running, graph);
        // Registered after running(): a job that is already over completes here, in order.
        running.completion().whenComplete((ignored, failure) -> ended(queryId, running, buffer, failure));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queryId", queryId);
        answer.put("mode", "streaming");
        if (query) {
            answer.put("columns", StatementExecutor.columns(job.columns()));
            answer.put("results", "/v1/queries/" + queryId + "/results");
        } else {
            answer.put("state", QueryState.RUNNING.name());
            answer.put("table", job.targetTable());
        }
        return answer;
    }

    /**
     * Takes a savepoint of a running query ({@code stop}: then stops it, once its sinks committed what the
     * savepoint covers); waits for it and answers with its path.
     */
    Map<String, Object> savepoint(String queryId, Job job, boolean stop) {
        Map<String, String> properties = propertiesById.getOrDefault(queryId, Map.of());
        Path directory = settings.newSavepointDirectory(queryId, properties, clock.millis());
        CompletableFuture<CheckpointMetadata> savepoint = stop ? job.stopWithSavepoint(directory)
                : job.triggerSavepoint(directory);
        try {
            CheckpointMetadata metadata = savepoint.get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("queryId", queryId);
            answer.put("savepointId", metadata.checkpointId());
            answer.put("path", directory.toString());
            if (stop) {
                answer.put("state", QueryState.FINISHED.name());
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeirException(ErrorKind.INTERNAL, "Interrupted while taking a savepoint");
        } catch (TimeoutException e) {
            throw new WeirException(ErrorKind.EXECUTION, "The savepoint of query '" + queryId + "' did not complete "
                    + "within " + SAVEPOINT_TIMEOUT_SECONDS + " s; it goes on in the background");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof WeirException w ? w
                    : new WeirException(ErrorKind.EXECUTION, "The savepoint failed: " + cause.getMessage(), cause);
        }
    }

    /** Runs on the job's reaper thread once every task thread has ended. */
    private void ended(String queryId, Job job, PagedResultBuffer buffer, Throwable failure) {
        propertiesById.remove(queryId);
        if (closing && QueryRegistry.checkpointed(queries.properties(queryId))) {
            // Left RUNNING in the registry: the next server on this data dir resumes it from its checkpoint.
            if (buffer != null) {
                buffer.end(new ResultEnd(QueryState.FAILED.name(), SERVER_STOPPED));
            }
            return;
        }
        QueryOutcome outcome = closing ? new QueryOutcome(QueryState.FAILED, SERVER_STOPPED) : QueryOutcome.of(failure);
        if (buffer != null) {
            // Readers learn of the end first; the registry reports the job's final state already meanwhile.
            buffer.end(new ResultEnd(outcome.state().name(), outcome.error()));
        }
        queries.finish(queryId, outcome.state(), job.metrics(), outcome.error());
        if (buffer != null) {
            evictEndedResults();
        }
    }

    /** Ends the result of a query being cancelled at once, so its readers stop without waiting for its threads. */
    void canceled(String queryId) {
        result(queryId).ifPresent(buffer -> buffer.end(new ResultEnd(QueryState.CANCELED.name(), null)));
    }

    /** The result buffer of a continuous SELECT, while the server holds it. */
    Optional<PagedResultBuffer> result(String queryId) {
        synchronized (results) {
            return Optional.ofNullable(results.get(queryId));
        }
    }

    /** The result buffers held now, by query id. */
    Map<String, PagedResultBuffer> results() {
        synchronized (results) {
            return Map.copyOf(results);
        }
    }

    /** Forgets the oldest ended results beyond the retained number; a result still running is never dropped. */
    private void evictEndedResults() {
        synchronized (results) {
            List<String> ended = new ArrayList<>();
            results.forEach((id, buffer) -> {
                if (buffer.stats().ended()) {
                    ended.add(id);
                }
            });
            Iterator<String> oldest = ended.iterator();
            for (int excess = ended.size() - RETAINED_ENDED_RESULTS; excess > 0; excess--) {
                results.remove(oldest.next());
            }
        }
    }

    /** From now on, jobs that end were stopped by the server's shutdown (the job manager cancels them). */
    @Override
    public void close() {
        closing = true;
    }
}
