package io.weir.bench.nexmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows and checksum of everything the benchmark sink received in this JVM. Each sink subtask sums locally and adds
 * its totals once, when its input ends, so the hot path touches no shared memory. One run per JVM (the harness
 * starts a JVM per run), so the totals are the run's.
 */
public final class SinkTotals {

    private static final AtomicLong ROWS = new AtomicLong();
    private static final AtomicLong CHECKSUM = new AtomicLong();

    private SinkTotals() {
    }

    public static void add(long rows, long checksum) {
        ROWS.addAndGet(rows);
        CHECKSUM.addAndGet(checksum);
    }

    private static final LatencyHistogram LATENCIES = new LatencyHistogram();

    /** Adds a sink subtask's latencies (throttled runs only); once per subtask, when it publishes its totals. */
    public static void addLatencies(LatencyProbe probe) {
        if (probe != null) {
            synchronized (LATENCIES) {
                LATENCIES.addAll(probe.histogram());
            }
        }
    }

    /** The latencies of every sink subtask that has published; empty in a throughput run. */
    public static LatencyHistogram latencies() {
        synchronized (LATENCIES) {
            LatencyHistogram copy = new LatencyHistogram();
            copy.addAll(LATENCIES);
            return copy;
        }
    }

    public static long rows() {
        return ROWS.get();
    }

    public static long checksum() {
        return CHECKSUM.get();
    }
}
