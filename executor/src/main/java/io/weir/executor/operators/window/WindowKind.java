package io.weir.executor.operators.window;

/** The windowing table functions whose windows are fixed by time alone (SESSION depends on the data). */
public enum WindowKind {
    /** Fixed-size windows that do not overlap: each row is in exactly one. */
    TUMBLE,
    /** Fixed-size windows that start every {@code slide}: each row is in about {@code size / slide} of them. */
    HOP,
    /**
     * Windows that grow by {@code step} within a tumbling window of {@code size}: {@code [start, start + step)},
     * {@code [start, start + 2 * step)}, ... up to {@code [start, start + size)}.
     */
    CUMULATE
}
