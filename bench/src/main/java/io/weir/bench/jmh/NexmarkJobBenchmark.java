package io.weir.bench.jmh;

import io.weir.bench.nexmark.ChecksumSinkFactory;
import io.weir.bench.nexmark.NexmarkQueries;
import io.weir.bench.nexmark.RunSpec;
import io.weir.bench.nexmark.WeirRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole Weir jobs over 1 M Nexmark events (about 920 000 bids), warm: window aggregation and joins (q7's tumbling
 * max joined back to the bids, q5's sliding counts per auction window-joined with their maximum) and the cost of
 * state snapshots (checkpoints every 100 ms against none). Run from the repository root (reads
 * {@code sql-examples/nexmark}). Seconds per job.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class NexmarkJobBenchmark {

    @Param({"q7", "q5"})
    String query;

    @Param({"off", "100ms"})
    String checkpoint;

    private Path dataDir;
    private WeirRunner weir;
    private WeirRunner.PlannedJob planned;
    private int attempt;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("weir-jmh-");
        weir = new WeirRunner(dataDir);
        String script = new NexmarkQueries(Path.of("sql-examples", "nexmark"))
                .script(query, 1_000_000, 10_000, ChecksumSinkFactory.IDENTIFIER);
        planned = weir.plan(new RunSpec(query, script, 1, checkpoint));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        weir.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Object runJob() throws Exception {
        return weir.execute(planned, ++attempt);
    }
}
