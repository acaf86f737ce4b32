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
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final StatementExecutor executor;
    private final Server http;

    private WeirServer(ServerConfig config) {
        this.config = config;
        boolean freshDataDir = !Files.exists(config.dataDir().resolve("weir.mv.db"));
        Clock clock = Clock.systemUTC();
        this.database = EmbeddedDatabase.open(config.dataDir());
        Catalog catalog = new Catalog(database);
        ConnectorEnvironment environment = new ConnectorEnvironment(config.dataDir(), config.allowedRoots(), clock,
                database.connections());
        TableConnectors connectors = new TableConnectors(ConnectorRegistry.builtIn(), environment);
        QueryPlanner planner = new QueryPlanner(catalog, connectors, clock);
        this.jobs = new JobManager(RuntimeOptions.defaults());
        this.queries = new QueryRegistry(database, clock);
        this.executor = new StatementExecutor(planner, jobs, queries, config);
        if (freshDataDir && config.seedDemo()) {
            DemoCatalog.seed(executor);
        }
        this.http = new Server(new QueuedThreadPool(64, 4));
        ServerConnector connector = new ServerConnector(http);
        connector.setHost(config.host());
        connector.setPort(config.port());
        http.addConnector(connector);
        http.setHandler(new ApiHandler(this, config.maxRequestBytes()));
    }

    /** Opens the data dir and starts listening. */
    public static WeirServer start(ServerConfig config) throws Exception {
        WeirServer server = new WeirServer(config);
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
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("queryId", info.queryId());
        q.put("statement", info.statement());
        q.put("state", info.state().name());
        q.put("mode", info.mode());
        q.put("parallelism", info.parallelism());
        q.put("plan", info.plan());
        q.put("metrics", queries.metrics(info));
        q.put("watermarks", Map.of());
        q.put("checkpoints", List.of());
        q.put("createdAt", info.createdAt().toString());
        if (info.finishedAt() != null) {
            q.put("finishedAt", info.finishedAt().toString());
        }
        if (info.error() != null) {
            q.put("error", info.error());
        }
        return q;
    }

    @Override
    public Object cancel(String queryId) {
        QueryInfo info = queries.find(queryId).orElseThrow(() -> notFound(queryId));
        boolean canceled = queries.cancel(queryId);
        return Map.of("queryId", queryId, "state", canceled ? QueryState.CANCELED.name() : info.state().name());
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
        jobs.close();
        database.close();
    }
}
