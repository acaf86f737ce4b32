package io.weir.server;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorRegistry;
import io.weir.executor.job.JobManager;
import io.weir.executor.job.RuntimeOptions;
import io.weir.planner.QueryPlanner;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.EmbeddedDatabase;
import io.weir.planner.catalog.TableConnectors;
import io.weir.server.http.Api;
import io.weir.server.http.ApiHandler;
import io.weir.server.result.PagedResultBuffer;
import io.weir.server.result.ResultsReleasedException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Weir server: the embedded database and catalog, the planner, the job runtime and the HTTP API. */
public final class WeirServer implements Api, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeirServer.class);

    private final ServerConfig config;
    private final EmbeddedDatabase database;
    private final JobManager jobs;
    private final QueryRegistry queries;
    private final ContinuousQueries continuous;
    private final StatementExecutor executor;
    private final ServerMetrics metrics;
    private final Server http;

    private WeirServer(ServerConfig config, PlanHook hook) {
        this.config = config;
        boolean freshDataDir = !Files.exists(config.dataDir().resolve("weir.mv.db"));
        Clock clock = Clock.systemUTC();
        this.database = EmbeddedDatabase.open(config.dataDir());
        Catalog catalog = new Catalog(database);
        ConnectorEnvironment environment = new ConnectorEnvironment(config.dataDir(), config.allowedRoots(), clock,
                database.connections(), config.jdbcAllowedUrls());
        TableConnectors connectors = new TableConnectors(ConnectorRegistry.builtIn(), environment);
        QueryPlanner planner = new QueryPlanner(catalog, connectors, clock);
        this.jobs = new JobManager(RuntimeOptions.defaults());
        this.queries = new QueryRegistry(database, clock);
        LongAdder streamedRows = new LongAdder();
        this.continuous = new ContinuousQueries(jobs, queries, streamedRows,
                new JobSettings(config.dataDir(), config.allowedRoots()), clock);
        this.executor = new StatementExecutor(planner, jobs, queries, continuous, config, hook);
        this.metrics = new ServerMetrics(queries, continuous, streamedRows, executor::batchRowsDelivered);
        if (freshDataDir && config.seedDemo()) {
            DemoCatalog.seed(executor);
        }
        resumeQueries();
        this.http = new Server(new QueuedThreadPool(64, 4));
        ServerConnector connector = new ServerConnector(http);
        connector.setHost(config.host());
        connector.setPort(config.port());
        // A long-poll or an idle result stream must not be cut by the connection's idle timeout.
        connector.setIdleTimeout(Math.max(connector.getIdleTimeout(),
                Math.max(config.longPollMillis(), config.streamKeepAliveMillis()) + 10_000));
        http.addConnector(connector);
        http.setHandler(new ApiHandler(this, config.maxRequestBytes(), config.longPollMillis(),
                config.streamKeepAliveMillis()));
    }

    /** Opens the data dir and starts listening. */
    public static WeirServer start(ServerConfig config) throws Exception {
        return start(config, PlanHook.NONE);
    }

    /** As {@link #start(ServerConfig)}, with statements planned by {@code hook} first (tests). */
    static WeirServer start(ServerConfig config, PlanHook hook) throws Exception {
        WeirServer server = new WeirServer(config, hook);
        try {
            server.http.start();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        LOG.info("Weir is listening on http://{}:{} (data dir {})", config.host(), server.port(), config.dataDir());
        return server;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((ServerConnector) http.getConnectors()[0]).getLocalPort();
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public Object executeStatements(String sql, Map<String, String> properties) {
        List<Map<String, Object>> answers = executor.execute(sql, properties);
        if (answers.size() == 1) {
            return answers.get(0);
        }
        // Several statements: the last one's answer at the top (so "SET ...; SELECT ..." reads like the SELECT),
        // and every answer in order under "statements".
        Map<String, Object> combined = new LinkedHashMap<>(answers.get(answers.size() - 1));
        combined.put("statements", answers);
        return combined;
    }

    @Override
    public Object listQueries() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (QueryInfo info : queries.list()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("queryId", info.queryId());
            q.put("statement", info.statement());
            q.put("state", info.state().name());
            q.put("mode", info.mode());
            q.put("createdAt", info.createdAt().toString());
            list.add(q);
        }
        return Map.of("queries", list);
    }

    @Override
    public Object query(String queryId) {
        QueryInfo info = queries.find(queryId).orElseThrow(() -> notFound(queryId));
        return QueryDescription.of(info, queries.metrics(info), queries.liveJob(queryId), continuous.result(queryId));
    }

    @Override
    public Object cancel(String queryId) {
        QueryInfo info = queries.find(queryId).orElseThrow(() -> notFound(queryId));
        boolean canceled = queries.cancel(queryId);
        if (canceled) {
            continuous.canceled(queryId);
        }
        return Map.of("queryId", queryId, "state", canceled ? QueryState.CANCELED.name() : info.state().name());
    }

    @Override
    public Object savepoint(String queryId, boolean stop) {
        queries.find(queryId).orElseThrow(() -> notFound(queryId));
        LiveJob live = queries.liveJob(queryId).orElseThrow(() -> new WeirException(ErrorKind.BAD_REQUEST,
                "Query '" + queryId + "' is not running"));
        if (live.job().state().isTerminal()) {
            throw new WeirException(ErrorKind.BAD_REQUEST, "Query '" + queryId + "' is not running");
        }
        return continuous.savepoint(queryId, live.job(), stop);
    }

    /** Starts again every continuous query with checkpoints that was running when the server last stopped. */
    private void resumeQueries() {
        for (QueryRegistry.StoredQuery stored : queries.resumable()) {
            try {
                executor.resume(stored);
                LOG.info("Resumed query {} from its latest checkpoint", stored.queryId());
            } catch (RuntimeException e) {
                LOG.warn("Could not resume query {}", stored.queryId(), e);
                queries.finish(stored.queryId(), QueryState.FAILED, Map.of(),
                        "Could not resume after a server restart: " + e.getMessage());
            }
        }
    }

    @Override
    public PagedResultBuffer results(String queryId) {
        Optional<PagedResultBuffer> results = continuous.result(queryId);
        if (results.isPresent()) {
            return results.get();
        }
        QueryInfo info = queries.find(queryId).orElseThrow(() -> notFound(queryId));
        if (!"streaming".equals(info.mode())) {
            throw new WeirException(ErrorKind.BAD_REQUEST, "Query '" + queryId + "' ran in batch mode: its rows came "
                    + "with the answer to its statement");
        }
        if (info.statement().stripLeading().regionMatches(true, 0, "INSERT", 0, 6)) {
            throw new WeirException(ErrorKind.BAD_REQUEST, "Query '" + queryId + "' writes to a table: it has no "
                    + "result rows to fetch");
        }
        throw new ResultsReleasedException("The results of query '" + queryId + "' are no longer held (it ended "
                + "and newer results replaced it, or the server restarted)");
    }

    @Override
    public String metrics() {
        return metrics.render();
    }

    private static WeirException notFound(String queryId) {
        return new WeirException(ErrorKind.NOT_FOUND, "Query '" + queryId + "' does not exist");
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the HTTP server failed", e);
        }
        continuous.close();
        jobs.close();
        database.close();
    }
}
