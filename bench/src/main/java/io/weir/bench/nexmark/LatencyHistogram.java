package io.weir.bench.nexmark;

/**
 * Counts of latencies in whole milliseconds, 0 to {@value #MAX_MILLIS} (larger ones in the last bucket, negative
 * ones, a row ahead of its due time by clock granularity, in the first): fixed memory however many rows a run has.
 * Not thread-safe; {@link SinkTotals} merges them under its lock.
 */
public final class LatencyHistogram {

    static final int MAX_MILLIS = 120_000;

    private final long[] counts = new long[MAX_MILLIS + 1];
    private long total;

    public void add(long millis) {
        counts[(int) Math.max(0, Math.min(MAX_MILLIS, millis))]++;
        total++;
    }

    public void addAll(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    public long count() {
        return total;
    }

    /** The smallest latency (ms) that at least {@code q} of the rows do not exceed; NaN when empty. */
    public double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return MAX_MILLIS;
    }
}
