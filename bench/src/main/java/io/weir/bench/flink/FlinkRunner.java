package io.weir.bench.flink;

import io.weir.bench.nexmark.ProcessStats;
import io.weir.bench.nexmark.RunResult;
import io.weir.bench.nexmark.RunSpec;
import io.weir.bench.nexmark.SinkTotals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;

/**
 * Runs a query's script in Flink SQL on a local MiniCluster in this JVM (streaming mode, heap state), with the
 * tables over {@link GeneratorSource} and {@link ChecksumSinkFactory}. The job is timed from the moment Flink reports
 * it RUNNING to its end, so the MiniCluster's start-up and Flink's planning are not counted (as Weir's planning is
 * not); CPU time is the process's over the same span.
 */
public final class FlinkRunner {

    public static final String SINK_CONNECTOR = "checksum-blackhole";

    private final Path workDir;

    public FlinkRunner(Path workDir) {
        this.workDir = workDir;
    }

    public RunResult run(RunSpec spec) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("execution.runtime-mode", "streaming");
        conf.setString("parallelism.default", Integer.toString(spec.parallelism()));
        conf.setString("pipeline.object-reuse", "true");
        // The Nexmark benchmark's own Flink settings (nexmark-flink's flink-conf.yaml).
        conf.setString("table.exec.mini-batch.enabled", "true");
        conf.setString("table.exec.mini-batch.allow-latency", "2 s");
        conf.setString("table.exec.mini-batch.size", "50000");
        conf.setString("table.optimizer.distinct-agg.split.enabled", "true");
        conf.setString("state.backend.type", "hashmap");
        if (spec.checkpointing()) {
            conf.setString("execution.checkpointing.interval", spec.intervalSetting());
            conf.setString("execution.checkpointing.dir", workDir.resolve("flink-checkpoints").toUri().toString());
        }
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode()
                .withConfiguration(conf).build());
        TableResult insert = null;
        for (String statement : statements(spec.script())) {
            insert = tables.executeSql(statement);
        }
        JobClient job = insert.getJobClient().orElseThrow(() -> new IllegalStateException("The last statement of "
                + spec.query() + " started no job"));
        long cpu0 = ProcessStats.cpuNanos();
        long t0 = System.nanoTime();
        while (true) {
            JobStatus status = job.getJobStatus().get();
            if (status != JobStatus.INITIALIZING && status != JobStatus.CREATED) {
                cpu0 = ProcessStats.cpuNanos();
                t0 = System.nanoTime();
                break;
            }
            Thread.sleep(2);
        }
        insert.await();
        long t1 = System.nanoTime();
        long cpu1 = ProcessStats.cpuNanos();
        return new RunResult((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, ProcessStats.peakRssMb(), SinkTotals.rows(),
                SinkTotals.checksum());
    }

    /** The statements of a script: split at a {@code ;} that ends a line, comment lines dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(statements, current);
            } else {
                current.append(line).append('\n');
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        current.setLength(0);
    }
}
