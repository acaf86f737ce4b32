package io.weir.executor.runtime;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.PhysicalType;
import io.weir.executor.data.WatermarkStatus;
import java.util.Arrays;

/**
 * Event time of one source subtask, tracked per split (a file, a Kafka partition, an id range): each split's
 * watermark is the largest value of the {@link WatermarkStrategy}'s expression over its rows so far (bounded
 * out-of-orderness), and the subtask's watermark is the minimum over the splits that are not idle.
 *
 * <p>Protocol, driven by the source task with times of the runtime clock: {@link #onChunk} for every chunk
 * <em>before</em> it goes downstream (so a status change to ACTIVE precedes the rows), then {@link #onTick} after
 * it and whenever the task loops. A tick emits the watermark every {@code emitIntervalMillis} (every tick for 0)
 * and also once {@link #ROWS_PER_EMIT} rows came since the last emission, and only when it advanced; a split with no rows for {@code idleTimeoutMillis} (never, for 0) stops holding the
 * watermark back; when every split is idle (at once, for a subtask without splits) the subtask reports
 * {@link WatermarkStatus#IDLE}, and {@link WatermarkStatus#ACTIVE} again before its next rows. When all splits
 * are idle the watermark stays where it was rather than jumping to the largest split's.
 *
 * <p>Without a strategy no watermark is derived, but idleness of a subtask without splits is still reported.
 * Pure and single-threaded; allocates nothing per chunk beyond what the expression allocates, and nothing at all for
 * an expression {@code column - delay}.
 */
final class SplitWatermarks {

    /**
     * Rows after which a tick emits the watermark even before the interval is up. At the interval alone (Flink's
     * behaviour) a source reading millions of rows a second would hold event time back by up to a second of rows,
     * and every operator that waits for the watermark (windows, joins freeing rows) would keep that much more state
     * and write it into every checkpoint. Any emission schedule is as valid as another; this one keeps the
     * watermark within a few chunks of the rows at any rate, and at rates up to {@code ROWS_PER_EMIT} rows per
     * interval behaves exactly as the interval alone.
     */
    static final int ROWS_PER_EMIT = 32 * 1024;

    private final WatermarkStrategy strategy;
    private final WatermarkOutput output;
    /** Per split: the largest candidate watermark seen, or {@link Long#MIN_VALUE}. */
    private final long[] splitMax;
    /** Per split: the clock time of its last rows (of the start, before any). */
    private final long[] lastRowsAt;
    private final boolean[] splitIdle;
    private long emitted = Long.MIN_VALUE;
    private boolean reportedIdle;
    private long nextTickAt;
    private long rowsSinceEmit;

    /**
     * @param strategy   the source's watermark strategy, or null when its rows carry no event time
     * @param splitCount the reader's splits, as {@code SourceReader.splitCount()} says after {@code open}
     * @param now        the clock time at which the splits start to count as silent
     */
    SplitWatermarks(WatermarkStrategy strategy, int splitCount, long now, WatermarkOutput output) {
        if (strategy != null && strategy.watermark().type().physical() != PhysicalType.LONG) {
            throw new WeirException(ErrorKind.INTERNAL,
                    "A watermark expression must give a timestamp, not " + strategy.watermark().type());
        }
        this.strategy = strategy;
        this.output = output;
        this.splitMax = new long[splitCount];
        this.lastRowsAt = new long[splitCount];
        this.splitIdle = new boolean[splitCount];
        Arrays.fill(splitMax, Long.MIN_VALUE);
        Arrays.fill(lastRowsAt, now);
        this.nextTickAt = now;
    }

    /** Rows of {@code split} are about to go downstream. */
    void onChunk(int split, Chunk chunk, long now) {
        if (split < 0 || split >= splitMax.length) {
            throw new IllegalStateException("The source reader emitted rows of split " + split + " but declared "
                    + splitMax.length + " splits (SourceReader.splitCount())");
        }
        if (chunk.isEmpty()) {
            return;
        }
        lastRowsAt[split] = now;
        splitIdle[split] = false;
        rowsSinceEmit += chunk.size();
        if (reportedIdle) {
            reportedIdle = false;
            output.emitStatus(WatermarkStatus.ACTIVE);
        }
        if (strategy != null) {
            splitMax[split] = Math.max(splitMax[split], maxCandidate(chunk));
        }
    }

    /** The task looped at {@code now}: emits what is due. */
    void onTick(long now) {
        if (strategy == null) {
            if (splitMax.length == 0) {
                reportIdleOnce();
            }
            return;
        }
        boolean intervalUp = now >= nextTickAt;
        if (!intervalUp && rowsSinceEmit < ROWS_PER_EMIT) {
            return;
        }
        if (intervalUp) {
            nextTickAt = now + strategy.emitIntervalMillis();
        }
        rowsSinceEmit = 0;
        markSilentSplitsIdle(now);
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int s = 0; s < splitMax.length; s++) {
            if (!splitIdle[s]) {
                anyActive = true;
                min = Math.min(min, splitMax[s]);
            }
        }
        if (!anyActive) {
            reportIdleOnce();
            return;
        }
        if (min > emitted) {
            emitted = min;
            output.emitWatermark(min);
        }
    }

    /** The last watermark emitted, or {@link Long#MIN_VALUE}. */
    long emitted() {
        return emitted;
    }

    private void reportIdleOnce() {
        if (!reportedIdle) {
            reportedIdle = true;
            output.emitStatus(WatermarkStatus.IDLE);
        }
    }

    private void markSilentSplitsIdle(long now) {
        long timeout = strategy.idleTimeoutMillis();
        if (timeout <= 0) {
            return;
        }
        for (int s = 0; s < splitIdle.length; s++) {
            if (!splitIdle[s] && now - lastRowsAt[s] >= timeout) {
                splitIdle[s] = true;
            }
        }
    }

    private long maxCandidate(Chunk chunk) {
        int rows = chunk.size();
        if (strategy.delayedColumn() >= 0) {
            long max = max(chunk.longColumn(strategy.delayedColumn()), rows);
            return max == Long.MIN_VALUE ? max : max - strategy.delayMillis();
        }
        return max((LongVector) strategy.watermark().evaluate(chunk), rows);
    }

    /** The largest non-null value of rows {@code [0, rows)} of {@code vector}, or {@link Long#MIN_VALUE}. */
    private static long max(LongVector vector, int rows) {
        long[] values = vector.values();
        long max = Long.MIN_VALUE;
        if (vector.mayHaveNulls()) {
            boolean[] nulls = vector.nullMask();
            for (int r = 0; r < rows; r++) {
                if (!nulls[r] && values[r] > max) {
                    max = values[r];
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                max = Math.max(max, values[r]);
            }
        }
        return max;
    }
}
