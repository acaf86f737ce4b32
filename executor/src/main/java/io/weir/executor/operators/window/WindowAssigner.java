package io.weir.executor.operators.window;

/**
 * Enumerates the windows of a {@link WindowSpec} that contain a time, without allocating: {@link #assign}
 * returns how many there are, then {@link #start(int)} and {@link #end(int)} give window {@code j} of them,
 * in ascending order of start and then end. One instance serves one operator thread.
 */
final class WindowAssigner {

    private final WindowKind kind;
    private final long size;
    private final long slide;
    private final long offset;
    /** After {@link #assign}: TUMBLE/HOP the first window's start; CUMULATE the tumbling window's start. */
    private long base;
    /** After {@link #assign} for CUMULATE: the end of the smallest window that contains the time. */
    private long firstEnd;

    WindowAssigner(WindowSpec spec) {
        this.kind = spec.kind();
        this.size = spec.sizeMillis();
        this.slide = spec.slideMillis();
        this.offset = spec.offsetMillis();
    }

    /** The start of the window of length {@code length} (aligned to the offset) that contains {@code time}. */
    static long alignedStart(long time, long offset, long length) {
        return time - Math.floorMod(time - offset, length);
    }

    /** Places {@code time} and returns the number of windows that contain it (0 in the gaps of a HOP wider than its size). */
    int assign(long time) {
        switch (kind) {
            case TUMBLE -> {
                base = alignedStart(time, offset, size);
                return 1;
            }
            case HOP -> {
                long last = alignedStart(time, offset, slide);
                // Windows start at last, last - slide, ...; those with start > time - size contain the time.
                long reach = last - (time - size);
                if (reach <= 0) {
                    return 0;
                }
                int count = (int) ((reach - 1) / slide + 1);
                base = last - (count - 1) * slide;
                return count;
            }
            case CUMULATE -> {
                base = alignedStart(time, offset, size);
                long steps = (time - base) / slide + 1;
                firstEnd = base + steps * slide;
                return (int) (size / slide - steps + 1);
            }
            default -> throw new IllegalStateException("Unknown window kind " + kind);
        }
    }

    /** The start of window {@code j} ({@code 0 <= j <} what {@link #assign} returned). */
    long start(int j) {
        return kind == WindowKind.CUMULATE ? base : base + j * slide;
    }

    /** The (exclusive) end of window {@code j}. */
    long end(int j) {
        return kind == WindowKind.CUMULATE ? firstEnd + j * slide : base + j * slide + size;
    }
}
