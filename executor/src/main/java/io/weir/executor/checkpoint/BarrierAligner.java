package io.weir.executor.checkpoint;

import io.weir.executor.data.CheckpointBarrier;
import java.util.Arrays;

/**
 * Aligns checkpoint barriers over a task's input channels. It is told what each channel delivers and answers
 * whether a channel may be read; it reports to its {@link Listener} when a checkpoint is aligned (its barrier has
 * arrived on every channel that has not ended) and when an alignment is given up.
 *
 * <p>States: waiting for a first barrier, or aligning checkpoint n (some channels delivered n). In
 * {@link CheckpointingMode#EXACTLY_ONCE} a channel that delivered n is blocked until n is aligned, so nothing after
 * the barrier on it reaches the task before the snapshot; in {@link CheckpointingMode#AT_LEAST_ONCE} no channel is
 * ever blocked, the aligner only counts. A barrier newer than the one being aligned (possible only when an upstream
 * task gave n up) abandons n ({@link Listener#onAbandoned}) and starts aligning the newer one; an older or
 * repeated one is ignored. An ended channel counts as having delivered every barrier.
 *
 * <p>Pure and single-threaded, like the watermark valve: the task thread drives it.
 */
public final class BarrierAligner {

    /** What the aligner tells the task. */
    public interface Listener {
        /**
         * Checkpoint {@code barrier} is aligned: snapshot now, then forward the barrier. {@code alignmentNanos} is
         * the time from its first barrier to now.
         */
        void onAligned(CheckpointBarrier barrier, long alignmentNanos) throws Exception;

        /** The alignment of {@code checkpointId} was given up for a newer checkpoint; it will not be snapshot here. */
        default void onAbandoned(long checkpointId) {
        }
    }

    private final boolean blocking;
    private final boolean[] arrived;
    private final boolean[] ended;
    private final Listener listener;
    /** The barrier being aligned, or null while waiting for a first barrier. */
    private CheckpointBarrier aligning;
    private long alignmentStartNanos;
    private int arrivedCount;
    private int endedCount;
    /** The newest checkpoint aligned or abandoned: its barriers and older ones are ignored. */
    private long lastCheckpointId = Long.MIN_VALUE;

    public BarrierAligner(int channelCount, CheckpointingMode mode, Listener listener) {
        this.blocking = mode == CheckpointingMode.EXACTLY_ONCE;
        this.arrived = new boolean[channelCount];
        this.ended = new boolean[channelCount];
        this.listener = listener;
    }

    /** True while {@code channel} must not be read: it delivered the barrier being aligned (exactly-once only). */
    public boolean isBlocked(int channel) {
        return blocking && arrived[channel];
    }

    /** Channel {@code channel} delivered {@code barrier}. */
    public void onBarrier(int channel, CheckpointBarrier barrier, long nowNanos) throws Exception {
        long id = barrier.checkpointId();
        if (id <= lastCheckpointId || (aligning != null && id < aligning.checkpointId())) {
            return;
        }
        if (aligning != null && id > aligning.checkpointId()) {
            long abandoned = aligning.checkpointId();
            reset(abandoned);
            listener.onAbandoned(abandoned);
        }
        if (aligning == null) {
            aligning = barrier;
            alignmentStartNanos = nowNanos;
        }
        if (!arrived[channel]) {
            arrived[channel] = true;
            arrivedCount++;
        }
        completeIfAligned(nowNanos);
    }

    /** Channel {@code channel} ended: it will deliver no barrier again, and no longer holds any alignment up. */
    public void onChannelEnded(int channel, long nowNanos) throws Exception {
        if (ended[channel]) {
            return;
        }
        ended[channel] = true;
        endedCount++;
        if (arrived[channel]) {
            arrived[channel] = false;
            arrivedCount--;
        }
        completeIfAligned(nowNanos);
    }

    /** The checkpoint being aligned, or -1 when none is. */
    public long aligningCheckpoint() {
        return aligning == null ? -1 : aligning.checkpointId();
    }

    private void completeIfAligned(long nowNanos) throws Exception {
        if (aligning == null || arrivedCount + endedCount < arrived.length) {
            return;
        }
        CheckpointBarrier barrier = aligning;
        long alignmentNanos = nowNanos - alignmentStartNanos;
        reset(barrier.checkpointId());
        listener.onAligned(barrier, alignmentNanos);
    }

    private void reset(long checkpointId) {
        lastCheckpointId = checkpointId;
        aligning = null;
        arrivedCount = 0;
        Arrays.fill(arrived, false);
    }
}
