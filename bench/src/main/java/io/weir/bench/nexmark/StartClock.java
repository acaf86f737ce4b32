package io.weir.bench.nexmark;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that reads a fixed start time until {@link #start()}, then the real time: what a throttled reader is
 * opened with, so its rate limiter starts at the shared epoch of {@link Latency} (see
 * {@link Latency#openingClock}). {@code start()} is called on the thread that opened the reader, before it polls.
 */
public final class StartClock extends Clock {

    private final Clock real;
    private final long startMillis;
    private volatile boolean started;

    StartClock(Clock real, long startMillis) {
        this.real = real;
        this.startMillis = startMillis;
    }

    /** From now on, the real time. */
    public void start() {
        started = true;
    }

    @Override
    public long millis() {
        return started ? real.millis() : startMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A reader's clock keeps its zone");
    }
}
