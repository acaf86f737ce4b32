package io.weir.bench.nexmark;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end-to-end latency measurement of a throttled run, for this JVM (one run per JVM). The run's generator emits
 * {@code rows-per-second} events per wall-clock second with {@code first-event.rate} set to the same value, and
 * every generator subtask paces itself from one shared wall-clock epoch ({@link #openingClock}), so event
 * {@code n}, whose event time is {@code baseTime + n / rate}, is generated at wall-clock time
 * {@code epoch + n / rate}: {@code generatedAt(t) = epoch + (t - baseTime)}. The sinks turn that into a latency per
 * output row ({@link LatencyProbe}). Configured by {@link NexmarkRun} before the job starts; inactive otherwise, and
 * then the generator and sinks behave exactly as in a throughput run.
 */
public final class Latency {

    /** How a query's output row names the moment its result was due. */
    public enum Reference {
        /** The row carries its own input event's time: due when that event was generated. */
        EVENT_TIME,
        /** The row is a window's result and carries the window end: due when the watermark passed it. */
        WINDOW_END,
        /**
         * The row carries an input event's time and is released by the 10 s tumbling window that holds it (q7's
         * bids come out when their window's maximum does): due when the watermark passed that window's end.
         */
        TUMBLING_10S_WINDOW_OF_EVENT;

        /** The tumbling window a reference time is rounded up to the end of, or 0 for none. */
        long windowMillis() {
            return this == TUMBLING_10S_WINDOW_OF_EVENT ? 10_000 : 0;
        }
    }

    private static volatile boolean active;
    private static volatile long baseTime;
    private static volatile long lastEventTime;
    private static volatile long watermarkDelayMillis;
    private static volatile String column;
    private static volatile Reference reference;
    private static final AtomicLong EPOCH = new AtomicLong(Long.MIN_VALUE);

    private Latency() {
    }

    /**
     * Turns the measurement on for this JVM's run.
     *
     * @param baseTime             the generator's base time (event time of event 0), epoch millis
     * @param lastEventTime        event time of the last event of the bounded sequence; results due later are
     *                             those the end of input fires early, and are not counted
     * @param watermarkDelayMillis the bid table's watermark delay ({@code date_time - INTERVAL ...})
     * @param column               the output column holding the reference time
     * @param reference            what that column means
     */
    public static void configure(long baseTime, long lastEventTime, long watermarkDelayMillis, String column,
            Reference reference) {
        Latency.baseTime = baseTime;
        Latency.lastEventTime = lastEventTime;
        Latency.watermarkDelayMillis = watermarkDelayMillis;
        Latency.column = column;
        Latency.reference = reference;
        Latency.active = true;
    }

    public static boolean isActive() {
        return active;
    }

    /** The wall-clock moment event time 0 of the sequence was (or is to be) generated: the first reader's opening. */
    static long epoch(long nowMillis) {
        EPOCH.compareAndSet(Long.MIN_VALUE, nowMillis);
        return EPOCH.get();
    }

    /**
     * The clock to open a throttled nexmark reader with, so that it paces itself from the shared epoch rather than
     * from its own opening: until {@link StartClock#start()} it reads {@code epoch + burst}, where the burst is the
     * one chunk {@link io.weir.executor.connector.RowRateLimiter} lets out at once (its documented contract), so that
     * row {@code k} of a subtask comes out at {@code epoch + k / subtaskRate} and not a chunk early; afterwards it is
     * the real clock. Rounded up to the next millisecond, so rows never come out early.
     */
    public static StartClock openingClock(double rowsPerSecond, int parallelism, int chunkSize) {
        double subtaskRate = rowsPerSecond / parallelism;
        long burst = Math.max(1L, Math.min(chunkSize, (long) Math.ceil(subtaskRate)));
        long burstMillis = (long) Math.ceil(burst * 1000.0 / subtaskRate);
        return new StartClock(Clock.systemUTC(), epoch(System.currentTimeMillis()) + burstMillis);
    }

    /** The probe for a sink with these columns, or null when not measuring or the rows carry no reference time. */
    public static LatencyProbe probeFor(List<String> columnNames) {
        if (!active) {
            return null;
        }
        int index = columnNames.indexOf(column);
        if (index < 0) {
            return null;
        }
        long delay = reference == Reference.EVENT_TIME ? 0 : watermarkDelayMillis;
        // generatedAt(ref + delay) = epoch + ref + delay - baseTime; the epoch is read at the first row, once a
        // generator has set it (a sink may be created before any generator opens).
        return new LatencyProbe(index, reference.windowMillis(), delay - baseTime, lastEventTime - delay);
    }
}
