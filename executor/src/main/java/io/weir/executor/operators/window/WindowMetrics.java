package io.weir.executor.operators.window;

/** Names of the counters that window and streaming-sort operators report through the operator context. */
public final class WindowMetrics {

    /**
     * Rows dropped because they arrived late: their rowtime (or, at a window aggregate, their window's last
     * millisecond) was at or below the operator's watermark, so the result they belong to was already emitted.
     */
    public static final String LATE_RECORDS_DROPPED = "late_records_dropped";

    private WindowMetrics() {
    }
}
