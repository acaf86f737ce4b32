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

    public static long rows() {
        return ROWS.get();
    }

    public static long checksum() {
        return CHECKSUM.get();
    }
}
