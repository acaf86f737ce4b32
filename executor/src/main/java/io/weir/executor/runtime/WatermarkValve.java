package io.weir.executor.runtime;

import io.weir.executor.data.WatermarkStatus;
import java.util.Arrays;

/**
 * Combines the watermarks and idleness of a task's input channels into the task's one watermark and status.
 * Covers every channel of every input, so a two-input operator sees event time advance only when both sides
 * have advanced.
 *
 * <p>Rules:
 * <ul>
 *   <li>The watermark is the minimum over the channels that are not idle; an ended channel counts as +infinity.
 *       It only moves forward, and so does each channel's (a lower watermark than a channel already sent is
 *       ignored).</li>
 *   <li>An idle channel is left out of the minimum until it sends data or {@link WatermarkStatus#ACTIVE}.
 *       A watermark it sends while idle is remembered (it counts once the channel is active again) but does not
 *       make it active: a watermark is not data.</li>
 *   <li>When every channel that has not ended is idle, the valve is idle: it reports
 *       {@link WatermarkStatus#IDLE} once and its watermark stays where it is. It does not jump to what ended
 *       channels allow (+infinity), which would make every later row of the idle channels late. When a channel
 *       becomes active again the valve reports {@link WatermarkStatus#ACTIVE}, before any watermark.</li>
 *   <li>A channel that becomes active again with a watermark below the valve's holds the valve back until it
 *       catches up: the valve never moves backwards, and its rows in between are late downstream anyway.</li>
 * </ul>
 *
 * <p>Pure and single-threaded: the task feeds it what its channels deliver and it reports changes to its
 * {@link WatermarkOutput}.
 */
final class WatermarkValve {

    private final long[] channelWatermarks;
    private final boolean[] ended;
    private final boolean[] idle;
    private final WatermarkOutput output;
    private int endedCount;
    private long current = Long.MIN_VALUE;
    /** The status last reported; the valve starts active, as every channel does. */
    private boolean reportedIdle;

    WatermarkValve(int channelCount, WatermarkOutput output) {
        if (channelCount < 0) {
            throw new IllegalArgumentException("Negative channel count: " + channelCount);
        }
        this.channelWatermarks = new long[channelCount];
        this.ended = new boolean[channelCount];
        this.idle = new boolean[channelCount];
        this.output = output;
        Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    }

    /** Channel {@code channel} delivered a watermark. */
    void onWatermark(int channel, long timestamp) {
        if (ended[channel] || timestamp <= channelWatermarks[channel]) {
            return;
        }
        channelWatermarks[channel] = timestamp;
        if (!idle[channel]) {
            advance();
        }
    }

    /** Channel {@code channel} delivered data: an idle channel is active again. Cheap when it was active. */
    void onData(int channel) {
        if (idle[channel]) {
            setIdle(channel, false);
        }
    }

    /** Channel {@code channel} delivered a watermark status. */
    void onStatus(int channel, WatermarkStatus status) {
        if (!ended[channel] && idle[channel] != status.idle()) {
            setIdle(channel, status.idle());
        }
    }

    /** Channel {@code channel} ended: from now on it holds nothing back. */
    void onChannelEnded(int channel) {
        if (ended[channel]) {
            return;
        }
        ended[channel] = true;
        idle[channel] = false;
        endedCount++;
        channelWatermarks[channel] = Long.MAX_VALUE;
        reportStatusAndAdvance();
    }

    /** The combined watermark: {@link Long#MIN_VALUE} until every active channel sent one, MAX once all ended. */
    long current() {
        return current;
    }

    /** True when every channel that has not ended is idle (and at least one has not ended). */
    boolean isIdle() {
        if (endedCount == ended.length) {
            return false;
        }
        for (int c = 0; c < idle.length; c++) {
            if (!ended[c] && !idle[c]) {
                return false;
            }
        }
        return true;
    }

    boolean allEnded() {
        return endedCount == ended.length;
    }

    private void setIdle(int channel, boolean value) {
        idle[channel] = value;
        reportStatusAndAdvance();
    }

    private void reportStatusAndAdvance() {
        boolean nowIdle = isIdle();
        if (nowIdle != reportedIdle) {
            reportedIdle = nowIdle;
            output.emitStatus(nowIdle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        }
        if (!nowIdle) {
            advance();
        }
    }

    /** Reports the minimum over the non-idle channels if it moved forward; only called while the valve is active. */
    private void advance() {
        long min = Long.MAX_VALUE;
        for (int c = 0; c < channelWatermarks.length; c++) {
            if (!idle[c]) {
                min = Math.min(min, channelWatermarks[c]);
            }
        }
        if (min > current) {
            current = min;
            output.emitWatermark(min);
        }
    }
}
