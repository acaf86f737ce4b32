package io.weir.bench.nexmark;

/**
 * One sink subtask's latency recorder (on its task thread, no sharing): for each output row, the wall-clock time
 * it reached the sink minus the time its result was due ({@link Latency}), counted in a histogram of whole
 * milliseconds; rows due after the last generated event (fired early by the end of the bounded input) are not
 * counted. The sink adds its histogram to {@link SinkTotals} when it publishes its totals.
 */
public final class LatencyProbe {

    private final int column;
    /** When positive, a reference time stands for the end of the tumbling window of this size holding it. */
    private final long windowMillis;
    /** Add to a row's reference time, with the epoch, to get the wall-clock moment the row was due. */
    private final long offsetFromEpoch;
    /** {@code offsetFromEpoch} plus the epoch, once the first row has come (a generator has opened by then). */
    private long dueOffset;
    private boolean epochKnown;
    /** Reference times above this were fired by the end of input, not by the watermark. */
    private final long lastReference;
    private final LatencyHistogram histogram = new LatencyHistogram();

    LatencyProbe(int column, long windowMillis, long offsetFromEpoch, long lastReference) {
        this.column = column;
        this.windowMillis = windowMillis;
        this.offsetFromEpoch = offsetFromEpoch;
        this.lastReference = lastReference;
    }

    /** The output column holding the reference time (a TIMESTAMP(3), epoch millis). */
    public int column() {
        return column;
    }

    /** Records the rows of a chunk, all received at {@code nowMillis}; {@code nulls} may be null (no nulls). */
    public void record(long[] references, boolean[] nulls, int n, long nowMillis) {
        for (int r = 0; r < n; r++) {
            if (nulls == null || !nulls[r]) {
                record(references[r], nowMillis);
            }
        }
    }

    /** Records one row received at {@code nowMillis}. */
    public void record(long reference, long nowMillis) {
        if (windowMillis > 0) {
            reference = Math.floorDiv(reference, windowMillis) * windowMillis + windowMillis;
        }
        if (!epochKnown) {
            dueOffset = Latency.epoch(nowMillis) + offsetFromEpoch;
            epochKnown = true;
        }
        if (reference <= lastReference) {
            histogram.add(nowMillis - (reference + dueOffset));
        }
    }

    public LatencyHistogram histogram() {
        return histogram;
    }
}
