package io.weir.executor.connector;

/**
 * How many rows a subtask may have produced by a given time: {@code rowsPerSecond} on average since the start,
 * plus an initial burst of up to one chunk so the first poll has something to emit. Pure arithmetic over the
 * times it is given (read them from {@link io.weir.executor.api.OperatorContext#clock()}), so tests drive it
 * with a fake clock. A source that was held back (backpressure) catches up to the average afterwards.
 */
public final class RowRateLimiter {

    private final double rowsPerMilli;
    private final long burst;
    private final long startMillis;

    /** @param rowsPerSecond the average rate; {@code Double.POSITIVE_INFINITY} allows everything at once */
    public RowRateLimiter(double rowsPerSecond, int chunkSize, long startMillis) {
        this.rowsPerMilli = rowsPerSecond / 1000.0;
        this.burst = Math.max(1L, Math.min(chunkSize, (long) Math.ceil(rowsPerSecond)));
        this.startMillis = startMillis;
    }

    /** Total rows allowed by {@code nowMillis} (saturating at Long.MAX_VALUE). */
    public long allowedBy(long nowMillis) {
        if (Double.isInfinite(rowsPerMilli)) {
            return Long.MAX_VALUE;
        }
        double allowed = Math.max(0L, nowMillis - startMillis) * rowsPerMilli + burst;
        return allowed >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) allowed;
    }
}
