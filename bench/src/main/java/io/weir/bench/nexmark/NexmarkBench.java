package io.weir.bench.nexmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Nexmark harness: {@code bench/run-nexmark [--queries q0,q5,...] [--events N] [--parallelism 1,2]
 * [--checkpoint off,10s,1s] [--engines weir,flink] [--repeat R] [--out DIR] [--rate R] [--heap 2g]
 * [--latency-rate R|off] [--latency-events N]}.
 *
 * <p>Every run is a fresh JVM (same heap and flags for both engines, heap in transparent huge pages) that runs one
 * query once ({@link NexmarkRun}), so peak RSS is the engine's own and no run warms up the next. For each query and
 * parallelism, the checkpoint settings and within each the engines alternate run by run, {@code repeat} times. The
 * CSV holds the medians; the Markdown table adds min/max of the throughput (the machine's noise), the Weir/Flink
 * ratios, and whether both engines produced the same rows (count and order-independent checksum).
 *
 * <p>Each repetition of an engine is two runs: a throughput run (the generator as fast as it goes) and, unless
 * {@code --latency-rate off}, a latency run of {@code latency-events} events throttled to {@code latency-rate}
 * events per second ({@link Latency}), whose p50/p99 go in the same row.
 */
public final class NexmarkBench {

    private NexmarkBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        List<String> queries = list(o.getOrDefault("queries",
                "q0,q1,q2,q3,q4,q5,q7,q8,q9,q11,q14,q15,q16,q17,q18,q19,q20,q21,q22"));
        long events = Long.parseLong(o.getOrDefault("events", "10000000"));
        List<Integer> parallelisms = list(o.getOrDefault("parallelism", "1,2")).stream().map(Integer::parseInt).toList();
        List<String> checkpoints = list(o.getOrDefault("checkpoint", "off"));
        List<String> engines = list(o.getOrDefault("engines", "weir,flink"));
        int repeat = Integer.parseInt(o.getOrDefault("repeat", "3"));
        long rate = Long.parseLong(o.getOrDefault("rate", "100000"));
        String heap = o.getOrDefault("heap", "2g");
        String latencyRateOption = o.getOrDefault("latency-rate", "100000");
        long latencyRate = latencyRateOption.equals("off") ? 0 : Long.parseLong(latencyRateOption);
        long latencyEvents = Long.parseLong(o.getOrDefault("latency-events", "3000000"));
        String command = command(queries, events, parallelisms, checkpoints, engines, repeat, rate, heap,
                latencyRateOption, latencyEvents, o.getOrDefault("out", "bench/results/latest"));
        String started = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
        Path out = Files.createDirectories(Path.of(o.getOrDefault("out", "bench/results/latest")));
        Path sqlDir = Path.of(o.getOrDefault("sql", "sql-examples/nexmark"));
        NexmarkQueries catalog = new NexmarkQueries(sqlDir);

        List<Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        System.out.println(Row.CSV_HEADER);
        for (String query : queries) {
            if (!catalog.isSupported(query)) {
                String why = NexmarkQueries.UNSUPPORTED.getOrDefault(query, "no file " + query + ".sql");
                skipped.add(query + ": " + why);
                System.out.println("# " + query + " unsupported: " + why);
                continue;
            }
            for (int parallelism : parallelisms) {
                // By checkpoint setting, then engine: the runs of each.
                Map<String, Map<String, List<RunResult>>> runs = new LinkedHashMap<>();
                Map<String, Map<String, List<RunResult>>> latencyRuns = new LinkedHashMap<>();
                for (int r = 0; r < repeat; r++) {
                    // Alternate which setting and which engine go first, so slow drift of the machine hits all alike:
                    // the checkpoint cost compares settings as the ratio compares engines.
                    for (String checkpoint : alternating(checkpoints, r)) {
                        for (String engine : alternating(engines, r)) {
                            RunResult result = runChild(engine, query, parallelism, checkpoint, events, rate, sqlDir,
                                    heap, 0);
                            runs.computeIfAbsent(checkpoint, c -> new LinkedHashMap<>())
                                    .computeIfAbsent(engine, e -> new ArrayList<>()).add(result);
                            System.out.printf(Locale.ROOT, "#   %s %s p=%d cp=%s run %d: %.3f s, %.3f cpu s, %.0f MB,"
                                    + " %d rows%n", query, engine, parallelism, checkpoint, r + 1, result.seconds(),
                                    result.cpuSeconds(), result.peakRssMb(), result.rowsOut());
                            List<RunResult> latencies = latencyRuns.computeIfAbsent(checkpoint,
                                    c -> new LinkedHashMap<>()).computeIfAbsent(engine, e -> new ArrayList<>());
                            if (latencyRate > 0 && NexmarkQueries.LATENCY_COLUMN.containsKey(query)) {
                                RunResult timed = runChild(engine, query, parallelism, checkpoint, latencyEvents,
                                        rate, sqlDir, heap, latencyRate);
                                latencies.add(timed);
                                System.out.printf(Locale.ROOT, "#   %s %s p=%d cp=%s run %d at %d events/s: latency"
                                        + " p50 %.0f ms, p99 %.0f ms over %d rows%n", query, engine, parallelism,
                                        checkpoint, r + 1, latencyRate, timed.latencyP50Ms(), timed.latencyP99Ms(),
                                        timed.latencySamples());
                            }
                        }
                    }
                }
                for (String checkpoint : checkpoints) {
                    for (String engine : engines) {
                        Row row = Row.of(query, engine, parallelism, checkpoint, events,
                                runs.get(checkpoint).get(engine), latencyRuns.get(checkpoint).get(engine));
                        rows.add(row);
                        System.out.println(row.csv());
                    }
                }
            }
        }
        StringBuilder csv = new StringBuilder(Row.CSV_HEADER).append('\n');
        rows.forEach(r -> csv.append(r.csv()).append('\n'));
        Files.writeString(out.resolve("nexmark.csv"), csv.toString());
        String markdown = NexmarkReport.markdown(rows, skipped, events, rate, repeat, engines, latencyRate,
                latencyEvents, started, command);
        Files.writeString(out.resolve("nexmark.md"), markdown);
        System.out.println();
        System.out.println(markdown);
    }

    private static RunResult runChild(String engine, String query, int parallelism, String checkpoint, long events,
            long rate, Path sqlDir, String heap, long rowsPerSecond) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("weir-bench-" + engine + "-" + query + "-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        // Heap in 2 MB pages where the kernel allows it (transparent huge pages on madvise, Debian's default): on a
        // virtual machine whose first touch of a 4 KB page costs ~10 us (measured on the 2-core machine), a run that
        // grows into its heap otherwise spends seconds in page faults, on either engine, varying run to run.
        command.add("-XX:+UseTransparentHugePages");
        command.addAll(JvmFlags.FLINK_OPENS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NexmarkRun.class.getName());
        command.addAll(List.of(engine, query, Integer.toString(parallelism), checkpoint, Long.toString(events),
                Long.toString(rate), sqlDir.toString(), work.toString(), Long.toString(rowsPerSecond)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        RunResult result = null;
        StringBuilder log = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                RunResult parsed = RunResult.parse(line);
                if (parsed != null) {
                    result = parsed;
                } else if (log.length() < 20_000) {
                    log.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        deleteRecursively(work);
        if (result == null || exit != 0) {
            throw new IllegalStateException(engine + " " + query + " failed (exit " + exit + "):\n" + log);
        }
        return result;
    }

    /** {@code items} in their order on even repetitions, reversed on odd ones. */
    private static List<String> alternating(List<String> items, int repetition) {
        List<String> order = new ArrayList<>(items);
        if (repetition % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /** The run's settings as the command that repeats it (every option spelled out, defaults included). */
    private static String command(List<String> queries, long events, List<Integer> parallelisms,
            List<String> checkpoints, List<String> engines, int repeat, long rate, String heap, String latencyRate,
            long latencyEvents, String out) {
        return "bench/run-nexmark --queries " + String.join(",", queries) + " --events " + events + " --parallelism "
                + String.join(",", parallelisms.stream().map(String::valueOf).toList()) + " --checkpoint "
                + String.join(",", checkpoints) + " --engines " + String.join(",", engines) + " --repeat " + repeat
                + " --rate " + rate + " --heap " + heap + " --latency-rate " + latencyRate + " --latency-events "
                + latencyEvents + " --out " + out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: run-nexmark [--queries q0,q5,...] [--events N]"
                        + " [--parallelism 1,2] [--checkpoint off,10s,1s] [--engines weir,flink] [--repeat R]"
                        + " [--out DIR] [--rate EVENTS_PER_EVENT_SECOND] [--heap 2g] [--latency-rate R|off]"
                        + " [--latency-events N]; bad argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
