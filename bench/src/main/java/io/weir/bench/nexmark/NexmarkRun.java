package io.weir.bench.nexmark;

import io.weir.bench.flink.FlinkRunner;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run in this JVM, as the harness starts it in a fresh JVM per run:
 * {@code NexmarkRun <weir|flink> <query> <parallelism> <checkpoint> <events> <rate> <sql dir> <work dir>
 * [<rows per second>]}. With a rows-per-second above 0 it is a latency run: the generator throttled to that rate
 * (event time advancing at the same rate) and the sinks measuring each row's latency ({@link Latency}). Prints the
 * {@link RunResult} line and exits.
 */
public final class NexmarkRun {

    /** The nexmark connector's default {@code base-time}, which the benchmark tables keep (2015-07-15 00:00 UTC). */
    private static final long BASE_TIME = 1_436_918_400_000L;

    private NexmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8 && args.length != 9) {
            System.err.println("usage: NexmarkRun <weir|flink> <query> <parallelism> <off|10s|...> <events> <rate>"
                    + " <sql dir> <work dir> [<rows per second>]");
            System.exit(2);
        }
        String engine = args[0];
        String query = args[1];
        int parallelism = Integer.parseInt(args[2]);
        long events = Long.parseLong(args[4]);
        long rate = Long.parseLong(args[5]);
        NexmarkQueries queries = new NexmarkQueries(Path.of(args[6]));
        Path work = Files.createDirectories(Path.of(args[7]));
        long rowsPerSecond = args.length == 9 ? Long.parseLong(args[8]) : 0;
        var latencyColumn = NexmarkQueries.LATENCY_COLUMN.get(query);
        if (rowsPerSecond > 0 && latencyColumn != null) {
            // Event n's time is baseTime + floor(n * 10^6 / rate) / 1000 ms (the generator's time model).
            long base = BASE_TIME;
            long last = base + (long) ((events - 1) * (1_000_000.0 / rowsPerSecond)) / 1000L;
            Latency.configure(base, last, queries.watermarkDelayMillis(), latencyColumn.getKey(),
                    latencyColumn.getValue());
        }
        RunResult result;
        if (engine.equals("weir")) {
            String script = queries.script(query, events, rate, rowsPerSecond, ChecksumSinkFactory.IDENTIFIER);
            try (WeirRunner weir = new WeirRunner(work)) {
                result = weir.run(new RunSpec(query, script, parallelism, args[3]));
            }
        } else if (engine.equals("flink")) {
            String script = queries.script(query, events, rate, rowsPerSecond, FlinkRunner.SINK_CONNECTOR);
            result = new FlinkRunner(work).run(new RunSpec(query, script, parallelism, args[3]));
        } else {
            throw new IllegalArgumentException("Unknown engine " + engine);
        }
        if (Latency.isActive()) {
            result = result.withLatencies(SinkTotals.latencies());
        }
        System.out.println(result.toLine());
        System.out.flush();
        // Flink leaves non-daemon threads behind; the run is over.
        System.exit(0);
    }
}
