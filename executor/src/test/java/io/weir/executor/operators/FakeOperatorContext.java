package io.weir.executor.operators;

import io.weir.executor.api.Counter;
import io.weir.executor.api.OperatorContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A hand-written {@link OperatorContext} for tests: fixed clock, in-memory counters, a chosen chunk size. */
public final class FakeOperatorContext implements OperatorContext {

    private final int subtaskIndex;
    private final int parallelism;
    private final int chunkSize;
    private final Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final Map<String, SimpleCounter> counters = new HashMap<>();
    private boolean cancelled;

    public FakeOperatorContext(int chunkSize) {
        this(0, 1, chunkSize);
    }

    public FakeOperatorContext(int subtaskIndex, int parallelism, int chunkSize) {
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.chunkSize = chunkSize;
    }

    @Override
    public int subtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new SimpleCounter());
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
    }

    private static final class SimpleCounter implements Counter {
        private long value;

        @Override
        public void inc(long delta) {
            value += delta;
        }

        @Override
        public long get() {
            return value;
        }
    }
}
