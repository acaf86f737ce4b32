package io.weir.executor.data;

/**
 * Event time has reached {@code timestamp} (epoch millis): no row with a rowtime at or below it should follow.
 * Bounded inputs end with {@link #MAX}.
 */
public record Watermark(long timestamp) implements StreamElement {

    public static final Watermark MAX = new Watermark(Long.MAX_VALUE);
    public static final Watermark MIN = new Watermark(Long.MIN_VALUE);
}
