package io.weir.bench.nexmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown side-by-side table of a harness run: per query and setting, both engines and their ratios. */
final class NexmarkReport {

    private NexmarkReport() {
    }

    static String markdown(List<Row> rows, List<String> skipped, long events, long rate, int repeat,
            List<String> engines, long latencyRate, long latencyEvents, String started, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Nexmark: Weir and Apache Flink 2.3.0 side by side\n\n");
        md.append("Machine: ").append(Machine.describe()).append(". Started ").append(started)
                .append(". Command: `").append(command).append("` (or `mvn -P bench -pl bench -am verify -DskipTests`"
                        + " with each option as `-Dnexmark.<option>=...`).\n\n");
        md.append(String.format(Locale.ROOT, "%,d events per run (bids are 46 of every 50 events), %,d events per"
                + " second of event time, %d run(s) per engine and setting, each in a fresh JVM (heap in transparent"
                + " huge pages where the kernel allows), engines alternating. Throughput is events of the whole"
                + " sequence per second of job time (planning and start-up excluded); per core: per CPU-second of"
                + " the process over the same span. Medians; [min-max] is the spread over the runs.%n%n", events,
                rate, repeat));
        if (latencyRate > 0) {
            md.append(String.format(Locale.ROOT, "Latency: separate runs of %,d events with the generator throttled to"
                    + " %,d events per wall-clock second (and event time advancing at that rate), every generator"
                    + " subtask paced from one epoch; per output row, the wall-clock time it reached the sink minus"
                    + " the moment it was due: for rows carrying their bid's time (q0, q1, q14) when that bid was"
                    + " generated, for window results (q11) when the first bid that moved the watermark past"
                    + " the window end was generated (window end + the 4 s watermark delay). Results the end of input"
                    + " fires are not counted; queries whose rows carry no time (q2, q21, q22) show -. p50/p99 are"
                    + " medians over the runs; n is the number of rows (windows) per run.%n%n",
                    latencyEvents, latencyRate));
        }
        Map<String, Map<String, Row>> bySetting = new LinkedHashMap<>();
        for (Row row : rows) {
            bySetting.computeIfAbsent(row.query() + "|" + row.parallelism() + "|" + row.checkpoint(),
                    k -> new LinkedHashMap<>()).put(row.engine(), row);
        }
        md.append("| query | p | checkpoint | Weir events/s [min-max] | Flink events/s [min-max] | Weir/Flink |"
                + " Weir events/CPU-s | Flink events/CPU-s | Weir/Flink per core | Weir RSS MB | Flink RSS MB |"
                + " Weir p50/p99 ms (n) | Flink p50/p99 ms (n) | rows out | same rows and checksum |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Row> setting : bySetting.values()) {
            Row weir = setting.get("weir");
            Row flink = setting.get("flink");
            Row any = weir != null ? weir : flink;
            String name = any.query() + (NexmarkQueries.PARTIAL.containsKey(any.query()) ? "*" : "");
            md.append("| ").append(name).append(" | ").append(any.parallelism()).append(" | ").append(any.checkpoint())
                    .append(" | ").append(throughput(weir)).append(" | ").append(throughput(flink)).append(" | ")
                    .append(ratio(weir, flink, Row::eventsPerSec)).append(" | ").append(perCore(weir)).append(" | ")
                    .append(perCore(flink)).append(" | ").append(ratio(weir, flink, Row::eventsPerCpuSec))
                    .append(" | ").append(rss(weir)).append(" | ").append(rss(flink)).append(" | ")
                    .append(latency(weir)).append(" | ").append(latency(flink)).append(" | ")
                    .append(any.rowsOut()).append(" | ").append(same(weir, flink)).append(" |\n");
        }
        md.append('\n');
        checkpointCost(md, bySetting);
        for (Map.Entry<String, String> partial : NexmarkQueries.PARTIAL.entrySet()) {
            md.append("\\* ").append(partial.getKey()).append(": ").append(partial.getValue()).append(".\n");
        }
        for (Map.Entry<String, String> tie : NexmarkQueries.ORDER_DEPENDENT.entrySet()) {
            md.append("\n").append(tie.getKey()).append(" at parallelism > 1: ").append(tie.getValue())
                    .append(".\n");
        }
        // Every query of the benchmark Weir cannot run yet, asked for or not, so the table never hides them.
        md.append("\nNot run (Weir cannot run them yet):\n\n");
        for (Map.Entry<String, String> unsupported : NexmarkQueries.UNSUPPORTED.entrySet()) {
            md.append("- ").append(unsupported.getKey()).append(": ").append(unsupported.getValue()).append('\n');
        }
        for (String s : skipped) {
            if (!NexmarkQueries.UNSUPPORTED.containsKey(s.substring(0, s.indexOf(':')))) {
                md.append("- ").append(s).append('\n');
            }
        }
        return md.toString();
    }

    private static String throughput(Row row) {
        if (row == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s [%s-%s]", k(row.eventsPerSec()), k(row.minEventsPerSec()),
                k(row.maxEventsPerSec()));
    }

    /**
     * Per query and parallelism run with checkpoints off and on: each engine's throughput with checkpoints every
     * interval relative to off (the target: under 10% cost at 1 s on q5/q7).
     */
    private static void checkpointCost(StringBuilder md, Map<String, Map<String, Row>> bySetting) {
        StringBuilder lines = new StringBuilder();
        for (Map<String, Row> off : bySetting.values()) {
            Row any = off.values().iterator().next();
            if (!any.checkpoint().equals("off")) {
                continue;
            }
            for (Map<String, Row> on : bySetting.values()) {
                Row other = on.values().iterator().next();
                if (other.query().equals(any.query()) && other.parallelism() == any.parallelism()
                        && !other.checkpoint().equals("off")) {
                    lines.append("- ").append(any.query()).append(", p=").append(any.parallelism())
                            .append(", checkpoints every ").append(other.checkpoint()).append(": Weir ")
                            .append(cost(off.get("weir"), on.get("weir"))).append(", Flink ")
                            .append(cost(off.get("flink"), on.get("flink"))).append('\n');
                }
            }
        }
        if (lines.length() > 0) {
            md.append("Checkpoint cost (throughput with checkpoints relative to off, medians; target under 10% at 1 s"
                    + " on q5/q7):\n\n").append(lines).append('\n');
        }
    }

    private static String cost(Row off, Row on) {
        if (off == null || on == null) {
            return "-";
        }
        double relative = on.eventsPerSec() / off.eventsPerSec();
        return String.format(Locale.ROOT, "%.0f%% of off (cost %.1f%%)", 100 * relative, 100 * (1 - relative));
    }

    private static String latency(Row row) {
        if (row == null || Double.isNaN(row.latencyP50Ms())) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f / %.0f (%d)", row.latencyP50Ms(), row.latencyP99Ms(),
                row.latencySamples());
    }

    private static String perCore(Row row) {
        return row == null ? "-" : k(row.eventsPerCpuSec());
    }

    private static String rss(Row row) {
        return row == null ? "-" : String.format(Locale.ROOT, "%.0f", row.peakRssMb());
    }

    private static String k(double value) {
        return value >= 1e6 ? String.format(Locale.ROOT, "%.2f M", value / 1e6)
                : String.format(Locale.ROOT, "%.0f K", value / 1e3);
    }

    private static String ratio(Row weir, Row flink, java.util.function.ToDoubleFunction<Row> metric) {
        if (weir == null || flink == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", metric.applyAsDouble(weir) / metric.applyAsDouble(flink));
    }

    private static String same(Row weir, Row flink) {
        if (weir == null || flink == null) {
            return "-";
        }
        boolean stable = weir.consistent() && flink.consistent();
        boolean same = weir.rowsOut() == flink.rowsOut() && weir.checksum() == flink.checksum();
        if (!same && weir.parallelism() > 1 && NexmarkQueries.ORDER_DEPENDENT.containsKey(weir.query())) {
            return "not comparable (order-dependent ties, see below; " + weir.rowsOut() + " / " + flink.rowsOut()
                    + " rows)";
        }
        return (same ? "yes" : "**NO** (Weir " + weir.rowsOut() + " rows, Flink " + flink.rowsOut() + ")")
                + (stable ? "" : ", runs differ");
    }
}
