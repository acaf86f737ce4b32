package io.weir.executor.runtime;

import java.util.Arrays;

/**
 * Combines the watermarks of a task's input channels into the task's one watermark: the minimum over all
 * channels, where a channel that has ended counts as +infinity. Covers every channel of every input, so a
 * two-input operator sees event time advance only when both sides have advanced.
 *
 * <p>Pure and single-threaded: the task feeds it what its channels deliver, and each method answers whether
 * the combined watermark moved forward; {@link #current()} then holds the new value. The combined watermark
 * only ever moves forward, and so does each channel's (a watermark lower than what a channel already sent is
 * ignored).
 */
public final class WatermarkValve {

    private final long[] channelWatermarks;
    private final boolean[] ended;
    private int endedCount;
    private long current = Long.MIN_VALUE;

    public WatermarkValve(int channelCount) {
        if (channelCount < 0) {
            throw new IllegalArgumentException("Negative channel count: " + channelCount);
        }
        this.channelWatermarks = new long[channelCount];
        this.ended = new boolean[channelCount];
        Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    }

    /** Channel {@code channel} delivered a watermark; true when the combined watermark advanced. */
    public boolean onWatermark(int channel, long timestamp) {
        if (ended[channel] || timestamp <= channelWatermarks[channel]) {
            return false;
        }
        channelWatermarks[channel] = timestamp;
        return advance();
    }

    /** Channel {@code channel} ended: from now on it holds nothing back. True when the combined watermark advanced. */
    public boolean onChannelEnded(int channel) {
        if (ended[channel]) {
            return false;
        }
        ended[channel] = true;
        endedCount++;
        channelWatermarks[channel] = Long.MAX_VALUE;
        return advance();
    }

    /** The combined watermark: {@link Long#MIN_VALUE} until every channel sent one, {@link Long#MAX_VALUE} once all ended. */
    public long current() {
        return current;
    }

    public boolean allEnded() {
        return endedCount == ended.length;
    }

    private boolean advance() {
        long min = Long.MAX_VALUE;
        for (long watermark : channelWatermarks) {
            min = Math.min(min, watermark);
        }
        if (min > current) {
            current = min;
            return true;
        }
        return false;
    }
}
