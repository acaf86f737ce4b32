package io.weir.executor.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test says so, safe to read from task threads while the test thread moves it:
 * for streaming tests that drive processing time, emit intervals and idle timeouts explicitly.
 */
public final class ManualClock extends Clock {

    private final AtomicLong millis;

    public ManualClock(long millis) {
        this.millis = new AtomicLong(millis);
    }

    public void advance(long deltaMillis) {
        millis.addAndGet(deltaMillis);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
