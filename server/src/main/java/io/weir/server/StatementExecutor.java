package io.weir.server;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.job.Job;
import io.weir.executor.job.JobManager;
import io.weir.planner.Column;
import io.weir.planner.QueryPlanner;
import io.weir.planner.StatementResult;
import io.weir.server.json.ChunkRows;
import io.weir.server.result.FinalRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.sql.SqlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the statements of one request in order. {@code SET} changes the properties of the statements after it
 * (request properties and server defaults apply from the start); catalog statements answer at once; bounded
 * queries and INSERTs run as batch jobs and answer when they finish; unbounded ones start as continuous queries
 * and answer at once ({@link ContinuousQueries}). Each answer is a JSON-ready map.
 */
final class StatementExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(StatementExecutor.class);

    private final QueryPlanner planner;
    private final JobManager jobs;
    private final QueryRegistry queries;
    private final ContinuousQueries continuous;
    private final ServerConfig config;
    private final PlanHook hook;
    private final LongAdder batchRowsDelivered = new LongAdder();

    StatementExecutor(QueryPlanner planner, JobManager jobs, QueryRegistry queries, ContinuousQueries continuous,
            ServerConfig config, PlanHook hook) {
        this.planner = planner;
        this.jobs = jobs;
        this.queries = queries;
        this.continuous = continuous;
        this.config = config;
        this.hook = hook;
    }

    /** Rows answered by batch SELECTs since the server started. */
    long batchRowsDelivered() {
        return batchRowsDelivered.sum();
    }

    /** Runs every statement of {@code sql}; the answers in statement order. Stops at the first error. */
    List<Map<String, Object>> execute(String sql, Map<String, String> requestProperties) {
        Map<String, String> properties = new HashMap<>(config.queryDefaults());
        properties.putAll(requestProperties);
        List<SqlNode> statements = planner.parse(sql);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (SqlNode statement : statements) {
            answers.add(execute(sql, statement, properties, requestProperties));
        }
        return answers;
    }

    private Map<String, Object> execute(String sql, SqlNode statement, Map<String, String> properties,
            Map<String, String> requestProperties) {
        StatementResult result = plan(statement, properties);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (result instanceof StatementResult.SetProperty set) {
            properties.put(set.key(), set.value());
            answer.put("message", "Set '" + set.key() + "' = '" + set.value() + "'");
        } else if (result instanceof StatementResult.ResetProperty reset) {
            reset(reset.key(), properties, requestProperties);
            answer.put("message", reset.key() == null ? "Reset all properties" : "Reset '" + reset.key() + "'");
        } else if (result instanceof StatementResult.Done done) {
            answer.put("message", done.message());
        } else if (result instanceof StatementResult.Rows rows) {
            answer.put("columns", columns(rows.columns()));
            answer.put("rows", rows.rows());
        } else if (result instanceof StatementResult.Explain explain) {
            answer.put("plan", "== Logical plan ==\n" + explain.logicalPlan() + "\n== Physical plan ==\n"
                    + explain.physicalPlan() + "\n== Job graph ==\n" + explain.jobGraph());
            answer.put("logicalPlan", explain.logicalPlan());
            answer.put("physicalPlan", explain.physicalPlan());
            answer.put("jobGraph", explain.jobGraph());
        } else if (((StatementResult.Job) result).bounded() && !detached((StatementResult.Job) result, properties)) {
            runBatch(StatementText.of(sql, statement), (StatementResult.Job) result, answer);
        } else {
            answer.putAll(continuous.start(StatementText.of(sql, statement), (StatementResult.Job) result, properties));
        }
        return answer;
    }

    /**
     * Starts again, under its own id, a continuous query the registry found running when the server started: the
     * statement is planned anew with the properties it ran with, and the job restores its latest checkpoint.
     */
    void resume(QueryRegistry.StoredQuery stored) {
        Map<String, String> properties = new HashMap<>(stored.properties());
        List<SqlNode> statements = planner.parse(stored.statement());
        if (statements.size() != 1 || !(plan(statements.get(0), properties) instanceof StatementResult.Job job)
                || (job.bounded() && !detached(job, properties))) {
            throw new WeirException(ErrorKind.INTERNAL, "Query " + stored.queryId() + " is not a continuous query");
        }
        continuous.resume(stored.queryId(), stored.statement(), job, properties);
    }

    /**
     * A streaming job over bounded sources runs detached, like a continuous query, when it takes checkpoints: it
     * can then fail over, be stopped with a savepoint and survive a server restart, which a request waiting for
     * its answer could not.
     */
    private static boolean detached(StatementResult.Job job, Map<String, String> properties) {
        return job.streaming() && QueryRegistry.checkpointed(properties);
    }

    /** Planning errors that are not Weir's own (Calcite's assertions, say) still answer 400, never 500. */
    private StatementResult plan(SqlNode statement, Map<String, String> properties) {
        try {
            StatementResult hooked = hook.plan(statement, properties);
            return hooked != null ? hooked : planner.plan(statement, properties);
        } catch (WeirException e) {
            throw e;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            LOG.warn("Planning failed unexpectedly for: {}", statement, e);
            throw new WeirException(ErrorKind.PLAN, "Weir could not plan this statement: " + e, e);
        }
    }

    private void reset(String key, Map<String, String> properties, Map<String, String> requestProperties) {
        Map<String, String> initial = new HashMap<>(config.queryDefaults());
        initial.putAll(requestProperties);
        if (key == null) {
            properties.clear();
            properties.putAll(initial);
        } else if (initial.containsKey(key)) {
            properties.put(key, initial.get(key));
        } else {
            properties.remove(key);
        }
    }

    private void runBatch(String text, StatementResult.Job job, Map<String, Object> answer) {
        QueryInfo query = queries.register(text, job.streaming() ? "streaming" : "batch", job.parallelism(), job.plan());
        ResultBuffer buffer = new ResultBuffer(config.maxResultRows());
        Job running;
        JobGraph graph;
        try {
            graph = nameAfterQuery(query.queryId(), job.jobGraph().apply(buffer));
            running = jobs.submit(graph);
        } catch (RuntimeException e) {
            queries.finish(query.queryId(), QueryState.FAILED, Map.of(), e.getMessage());
            throw e;
        }
        queries.running(query.queryId(), running, graph);
        try {
            running.completion().get();
        } catch (InterruptedException e) {
            running.cancel();
            Thread.currentThread().interrupt();
            queries.finish(query.queryId(), QueryState.CANCELED, running.metrics(), "Interrupted");
            throw new WeirException(ErrorKind.INTERNAL, "The server is shutting down");
        } catch (CancellationException e) {
            queries.finish(query.queryId(), QueryState.CANCELED, running.metrics(), "Canceled");
            throw new WeirException(ErrorKind.EXECUTION, "Query " + query.queryId() + " was canceled");
        } catch (ExecutionException e) {
            WeirException error = QueryOutcome.asWeirException(e.getCause());
            queries.finish(query.queryId(), QueryState.FAILED, running.metrics(), error.getMessage());
            throw error;
        }
        queries.finish(query.queryId(), QueryState.FINISHED, running.metrics(), null);
        answer.put("queryId", query.queryId());
        answer.put("mode", job.streaming() ? "streaming" : "batch");
        if (job.kind() == StatementResult.Job.Kind.INSERT) {
            answer.put("state", QueryState.FINISHED.name());
            answer.put("table", job.targetTable());
        } else {
            answer.put("columns", columns(job.columns()));
            // An updating result (a GROUP BY run in streaming mode) answers its final rows, as in batch mode.
            answer.put("rows", new ChunkRows(job.columns().stream().map(Column::type).toList(),
                    FinalRows.of(buffer.chunks())));
            batchRowsDelivered.add(buffer.rowCount());
        }
    }

    /**
     * The graph under the query's id, so that its task threads ({@code weir-task-<graph>-<vertex>-<subtask>})
     * say which query they belong to.
     */
    static JobGraph nameAfterQuery(String queryId, JobGraph graph) {
        return new JobGraph(queryId, graph.vertices(), graph.edges());
    }

    static List<Map<String, Object>> columns(List<Column> columns) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("type", column.type().sqlName());
            list.add(c);
        }
        return list;
    }
}
