package io.weir.bench.nexmark;

import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorRegistry;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.job.Job;
import io.weir.executor.job.JobConfig;
import io.weir.executor.job.JobManager;
import io.weir.executor.job.RuntimeOptions;
import io.weir.planner.JobOptions;
import io.weir.planner.QueryPlanner;
import io.weir.planner.StatementResult;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.EmbeddedDatabase;
import io.weir.planner.catalog.TableConnectors;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs a query in an embedded Weir: the planner and job runtime the server uses, in this JVM, without HTTP. The
 * catalog lives in an H2 database under {@code dataDir}, and so do checkpoints. The script runs as the server would
 * run it in one request with {@code execution.runtime-mode = streaming}, so the bounded generator goes through the
 * streaming operators (watermarks, windows firing as event time passes, checkpoints), as an unbounded one would.
 */
public final class WeirRunner {

    private final Path dataDir;

    public WeirRunner(Path dataDir) {
        this.dataDir = dataDir;
    }

    public RunResult run(RunSpec spec) throws Exception {
        Clock clock = Clock.systemUTC();
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir);
                JobManager jobs = new JobManager(RuntimeOptions.defaults())) {
            ConnectorEnvironment environment = new ConnectorEnvironment(dataDir, List.of(dataDir), clock,
                    database.connections());
            TableConnectors connectors = new TableConnectors(
                    ConnectorRegistry.builtIn().with(new ChecksumSinkFactory()), environment);
            QueryPlanner planner = new QueryPlanner(new Catalog(database), connectors, clock);
            Map<String, String> properties = new HashMap<>();
            properties.put("execution.runtime-mode", "streaming");
            properties.put("parallelism.default", Integer.toString(spec.parallelism()));
            if (spec.checkpointing()) {
                properties.put(JobOptions.INTERVAL, spec.intervalSetting());
            }
            RunResult result = null;
            for (SqlNode statement : planner.parse(spec.script())) {
                StatementResult planned = planner.plan(statement, properties);
                if (planned instanceof StatementResult.SetProperty set) {
                    properties.put(set.key(), set.value());
                } else if (planned instanceof StatementResult.Job job) {
                    result = runJob(jobs, job, properties, spec.query());
                }
            }
            if (result == null) {
                throw new IllegalArgumentException("The script of " + spec.query() + " has no INSERT");
            }
            return result;
        }
    }

    private RunResult runJob(JobManager jobs, StatementResult.Job job, Map<String, String> properties, String name)
            throws Exception {
        JobGraph graph = job.jobGraph().apply(chunk -> { });
        graph = new JobGraph(name, graph.vertices(), graph.edges());
        JobConfig config = JobOptions.from(properties, dataDir.resolve("checkpoints"), name, null);
        long cpu0 = ProcessStats.cpuNanos();
        long t0 = System.nanoTime();
        Job running = jobs.submit(graph, config);
        running.completion().get();
        long t1 = System.nanoTime();
        long cpu1 = ProcessStats.cpuNanos();
        return new RunResult((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, ProcessStats.peakRssMb(), SinkTotals.rows(),
                SinkTotals.checksum());
    }
}
