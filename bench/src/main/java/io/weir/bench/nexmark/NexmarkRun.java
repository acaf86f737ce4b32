package io.weir.bench.nexmark;

import io.weir.bench.flink.FlinkRunner;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run in this JVM, as the harness starts it in a fresh JVM per run:
 * {@code NexmarkRun <weir|flink> <query> <parallelism> <checkpoint> <events> <rate> <sql dir> <work dir>}.
 * Prints the {@link RunResult} line and exits.
 */
public final class NexmarkRun {

    private NexmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: NexmarkRun <weir|flink> <query> <parallelism> <off|10s|...> <events> <rate>"
                    + " <sql dir> <work dir>");
            System.exit(2);
        }
        String engine = args[0];
        String query = args[1];
        int parallelism = Integer.parseInt(args[2]);
        long events = Long.parseLong(args[4]);
        long rate = Long.parseLong(args[5]);
        NexmarkQueries queries = new NexmarkQueries(Path.of(args[6]));
        Path work = Files.createDirectories(Path.of(args[7]));
        RunResult result;
        if (engine.equals("weir")) {
            String script = queries.script(query, events, rate, ChecksumSinkFactory.IDENTIFIER);
            try (WeirRunner weir = new WeirRunner(work)) {
                result = weir.run(new RunSpec(query, script, parallelism, args[3]));
            }
        } else if (engine.equals("flink")) {
            String script = queries.script(query, events, rate, FlinkRunner.SINK_CONNECTOR);
            result = new FlinkRunner(work).run(new RunSpec(query, script, parallelism, args[3]));
        } else {
            throw new IllegalArgumentException("Unknown engine " + engine);
        }
        System.out.println(result.toLine());
        System.out.flush();
        // Flink leaves non-daemon threads behind; the run is over.
        System.exit(0);
    }
}
