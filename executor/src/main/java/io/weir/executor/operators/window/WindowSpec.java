package io.weir.executor.operators.window;

import java.util.Objects;

/**
 * The windows of a TUMBLE, HOP or CUMULATE table function. Times are epoch milliseconds; a window
 * {@code [start, end)} holds the rows whose time {@code t} satisfies {@code start <= t < end}.
 *
 * <p>Window starts are aligned to {@code offset} (Flink's rule): a tumbling window of size {@code s} starts at
 * {@code t - floorMod(t - offset, s)}, so an offset of 0 aligns windows to the epoch and negative times are
 * handled like positive ones.
 *
 * @param kind         TUMBLE, HOP or CUMULATE
 * @param sizeMillis   window size ({@code > 0}); for CUMULATE the size of the largest window
 * @param slideMillis  HOP: the distance between window starts; CUMULATE: the step by which windows grow (it
 *                     must divide the size); TUMBLE: equal to the size
 * @param offsetMillis shifts window starts; any value, taken modulo the slide (HOP) or size
 * @param time         whether windows are assigned from the rowtime column or the processing-time clock
 */
public record WindowSpec(WindowKind kind, long sizeMillis, long slideMillis, long offsetMillis, TimeKind time) {

    public WindowSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        if (sizeMillis <= 0) {
            throw new IllegalArgumentException("Window size must be positive: " + sizeMillis + " ms");
        }
        if (slideMillis <= 0) {
            throw new IllegalArgumentException("Window slide (or step) must be positive: " + slideMillis + " ms");
        }
        if (kind == WindowKind.TUMBLE && slideMillis != sizeMillis) {
            throw new IllegalArgumentException("A TUMBLE window's slide must equal its size");
        }
        if (kind == WindowKind.CUMULATE && sizeMillis % slideMillis != 0) {
            throw new IllegalArgumentException("A CUMULATE window's size (" + sizeMillis
                    + " ms) must be a multiple of its step (" + slideMillis + " ms)");
        }
    }

    public static WindowSpec tumble(long sizeMillis, long offsetMillis, TimeKind time) {
        return new WindowSpec(WindowKind.TUMBLE, sizeMillis, sizeMillis, offsetMillis, time);
    }

    public static WindowSpec hop(long sizeMillis, long slideMillis, long offsetMillis, TimeKind time) {
        return new WindowSpec(WindowKind.HOP, sizeMillis, slideMillis, offsetMillis, time);
    }

    public static WindowSpec cumulate(long sizeMillis, long stepMillis, long offsetMillis, TimeKind time) {
        return new WindowSpec(WindowKind.CUMULATE, sizeMillis, stepMillis, offsetMillis, time);
    }

    /** The most windows one row can fall into. */
    public long maxWindowsPerRow() {
        return switch (kind) {
            case TUMBLE -> 1;
            case HOP -> (sizeMillis + slideMillis - 1) / slideMillis;
            case CUMULATE -> sizeMillis / slideMillis;
        };
    }
}
