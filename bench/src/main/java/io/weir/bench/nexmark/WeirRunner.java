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
public final class WeirRunner implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedDatabase database;
    private final JobManager jobs;
    private final QueryPlanner planner;

    /** A query planned once, to run as often as needed (its graph's factories make fresh operators per run). */
    public record PlannedJob(String name, JobGraph graph, Map<String, String> properties) {
    }

    /** Opens the catalog database under {@code dataDir} and starts a job manager. */
    public WeirRunner(Path dataDir) {
        this.dataDir = dataDir;
        Clock clock = Clock.systemUTC();
        this.database = EmbeddedDatabase.open(dataDir);
        this.jobs = new JobManager(RuntimeOptions.defaults());
        ConnectorEnvironment environment = new ConnectorEnvironment(dataDir, List.of(dataDir), clock,
                database.connections());
        TableConnectors connectors = new TableConnectors(
                ConnectorRegistry.builtIn().with(new ChecksumSinkFactory()).with(new PacedNexmarkFactory()), environment);
        this.planner = new QueryPlanner(new Catalog(database), connectors, clock);
    }

    /** Plans and runs the script once. */
    public RunResult run(RunSpec spec) throws Exception {
        return execute(plan(spec), 0);
    }

    /** Runs the script's DDL and plans its INSERT. */
    public PlannedJob plan(RunSpec spec) {
        Map<String, String> properties = new HashMap<>();
        properties.put("execution.runtime-mode", "streaming");
        properties.put("parallelism.default", Integer.toString(spec.parallelism()));
        if (spec.checkpointing()) {
            properties.put(JobOptions.INTERVAL, spec.intervalSetting());
        }
        PlannedJob planned = null;
        for (SqlNode statement : planner.parse(spec.script())) {
            StatementResult result = planner.plan(statement, properties);
            if (result instanceof StatementResult.SetProperty set) {
                properties.put(set.key(), set.value());
            } else if (result instanceof StatementResult.Job job) {
                JobGraph graph = job.jobGraph().apply(chunk -> { });
                planned = new PlannedJob(spec.query(), new JobGraph(spec.query(), graph.vertices(), graph.edges()),
                        Map.copyOf(properties));
            }
        }
        if (planned == null) {
            throw new IllegalArgumentException("The script of " + spec.query() + " has no INSERT");
        }
        return planned;
    }

    /**
     * Runs a planned job to its end and measures it; {@code attempt} keeps each run's checkpoints apart. Rows and
     * checksum are this JVM's sink totals so far (one run per JVM in the harness).
     */
    public RunResult execute(PlannedJob planned, int attempt) throws Exception {
        JobConfig config = JobOptions.from(planned.properties(), dataDir.resolve("checkpoints"),
                planned.name() + "-" + attempt, null);
        long cpu0 = ProcessStats.cpuNanos();
        long t0 = System.nanoTime();
        Job running = jobs.submit(planned.graph(), config);
        running.completion().get();
        long t1 = System.nanoTime();
        long cpu1 = ProcessStats.cpuNanos();
        // -Dweir.bench.printCheckpoints: each checkpoint's duration and size on stderr, to see what a run's cost is.
        if (System.getProperty("weir.bench.printCheckpoints") != null) {
            running.checkpoints().forEach(System.err::println);
        }
        return new RunResult((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, ProcessStats.peakRssMb(), SinkTotals.rows(),
                SinkTotals.checksum());
    }

    @Override
    public void close() {
        jobs.close();
        database.close();
    }
}
