package io.weir.bench.nexmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One line of {@code nexmark.csv}: a query on one engine at one parallelism and checkpoint setting, the medians over
 * its runs, with the min and max throughput kept for the report. {@code consistent} is false when the runs did not
 * all produce the same rows (count and checksum). The latencies are the medians over the latency runs (throttled,
 * separate from the throughput runs) of each run's p50 and p99; NaN when not measured.
 */
record Row(String query, String engine, int parallelism, String checkpoint, long events, double seconds,
        double eventsPerSec, double cpuSeconds, double eventsPerCpuSec, double peakRssMb, long rowsOut, long checksum,
        double minEventsPerSec, double maxEventsPerSec, boolean consistent, double latencyP50Ms, double latencyP99Ms,
        long latencySamples) {

    static final String CSV_HEADER = "query,engine,parallelism,checkpoint,events,seconds,events_per_sec,cpu_seconds,"
            + "events_per_cpu_sec,peak_rss_mb,rows_out,checksum,latency_p50_ms,latency_p99_ms";

    static Row of(String query, String engine, int parallelism, String checkpoint, long events,
            List<RunResult> runs, List<RunResult> latencyRuns) {
        List<RunResult> measured = latencyRuns.stream().filter(r -> r.latencySamples() > 0).toList();
        double p50 = measured.isEmpty() ? Double.NaN
                : median(measured.stream().mapToDouble(RunResult::latencyP50Ms).toArray());
        double p99 = measured.isEmpty() ? Double.NaN
                : median(measured.stream().mapToDouble(RunResult::latencyP99Ms).toArray());
        long samples = measured.isEmpty() ? 0
                : (long) median(measured.stream().mapToDouble(RunResult::latencySamples).toArray());
        double[] eps = runs.stream().mapToDouble(r -> events / r.seconds()).toArray();
        double[] epcs = runs.stream().mapToDouble(r -> events / r.cpuSeconds()).toArray();
        boolean consistent = runs.stream().allMatch(r -> r.rowsOut() == runs.get(0).rowsOut()
                && r.checksum() == runs.get(0).checksum());
        return new Row(query, engine, parallelism, checkpoint, events,
                median(runs.stream().mapToDouble(RunResult::seconds).toArray()), median(eps),
                median(runs.stream().mapToDouble(RunResult::cpuSeconds).toArray()), median(epcs),
                median(runs.stream().mapToDouble(RunResult::peakRssMb).toArray()), runs.get(0).rowsOut(),
                runs.get(0).checksum(), Arrays.stream(eps).min().orElse(0), Arrays.stream(eps).max().orElse(0),
                consistent, p50, p99, samples);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    String csv() {
        return String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%.3f,%.0f,%.3f,%.0f,%.0f,%d,%d,%s,%s", query, engine,
                parallelism, checkpoint, events, seconds, eventsPerSec, cpuSeconds, eventsPerCpuSec, peakRssMb, rowsOut,
                checksum, millis(latencyP50Ms), millis(latencyP99Ms));
    }

    /** A latency for the CSV: whole milliseconds, empty when not measured. */
    private static String millis(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f", value);
    }
}
