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
            List<String> engines) {
        StringBuilder md = new StringBuilder();
        md.append("# Nexmark: Weir and Apache Flink 2.3.0 side by side\n\n");
        md.append(String.format(Locale.ROOT, "%,d events per run (bids are 46 of every 50 events), %,d events per"
                + " second of event time, %d run(s) per engine and setting, each in a fresh JVM, engines alternating."
                + " Throughput is events of the whole sequence per second of job time (planning and start-up"
                + " excluded); per core: per CPU-second of the process over the same span. Medians; [min-max] is the"
                + " spread over the runs.%n%n", events, rate, repeat));
        Map<String, Map<String, Row>> bySetting = new LinkedHashMap<>();
        for (Row row : rows) {
            bySetting.computeIfAbsent(row.query() + "|" + row.parallelism() + "|" + row.checkpoint(),
                    k -> new LinkedHashMap<>()).put(row.engine(), row);
        }
        md.append("| query | p | checkpoint | Weir events/s [min-max] | Flink events/s [min-max] | Weir/Flink |"
                + " Weir events/CPU-s | Flink events/CPU-s | Weir/Flink per core | Weir RSS MB | Flink RSS MB |"
                + " rows out | same rows and checksum |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
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
                    .append(any.rowsOut()).append(" | ").append(same(weir, flink)).append(" |\n");
        }
        md.append('\n');
        for (Map.Entry<String, String> partial : NexmarkQueries.PARTIAL.entrySet()) {
            md.append("\\* ").append(partial.getKey()).append(": ").append(partial.getValue()).append(".\n");
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
        return (same ? "yes" : "**NO** (Weir " + weir.rowsOut() + " rows, Flink " + flink.rowsOut() + ")")
                + (stable ? "" : ", runs differ");
    }
}
