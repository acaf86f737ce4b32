package io.weir.bench.nexmark;

import java.util.Locale;

/**
 * What one run of one query measured. {@code seconds} and {@code cpuSeconds} cover the job only (from the moment it
 * runs to its end), not JVM start-up or planning; {@code peakRssMb} is the JVM's high-water mark over its life.
 */
public record RunResult(double seconds, double cpuSeconds, double peakRssMb, long rowsOut, long checksum) {

    private static final String PREFIX = "NEXMARK-RESULT ";

    /** The line a child JVM prints for the harness. */
    public String toLine() {
        return PREFIX + String.format(Locale.ROOT, "%.6f %.6f %.1f %d %d", seconds, cpuSeconds, peakRssMb, rowsOut,
                checksum);
    }

    /** The result in a child's output line, or null when the line is something else. */
    public static RunResult parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        return new RunResult(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]));
    }
}
