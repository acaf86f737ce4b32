package io.weir.bench.nexmark;

import java.util.Locale;

/**
 * What one run of one query measured. {@code seconds} and {@code cpuSeconds} cover the job only (from the moment it
 * runs to its end), not JVM start-up or planning; {@code peakRssMb} is the JVM's high-water mark over its life. A
 * throttled run ({@link Latency}) also has the p50 and p99 of its rows' end-to-end latency in milliseconds and how
 * many rows they are over; NaN and 0 in a throughput run or when the query's rows carry no reference time.
 */
public record RunResult(double seconds, double cpuSeconds, double peakRssMb, long rowsOut, long checksum,
        double latencyP50Ms, double latencyP99Ms, long latencySamples) {

    public RunResult(double seconds, double cpuSeconds, double peakRssMb, long rowsOut, long checksum) {
        this(seconds, cpuSeconds, peakRssMb, rowsOut, checksum, Double.NaN, Double.NaN, 0);
    }

    /** This result with the latencies of the sinks' histogram. */
    public RunResult withLatencies(LatencyHistogram latencies) {
        return new RunResult(seconds, cpuSeconds, peakRssMb, rowsOut, checksum, latencies.quantile(0.5),
                latencies.quantile(0.99), latencies.count());
    }

    private static final String PREFIX = "NEXMARK-RESULT ";

    /** The line a child JVM prints for the harness. */
    public String toLine() {
        return PREFIX + String.format(Locale.ROOT, "%.6f %.6f %.1f %d %d %s %s %d", seconds, cpuSeconds, peakRssMb,
                rowsOut, checksum, latencyP50Ms, latencyP99Ms, latencySamples);
    }

    /** The result in a child's output line, or null when the line is something else. */
    public static RunResult parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        return new RunResult(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                Long.parseLong(f[7]));
    }
}
