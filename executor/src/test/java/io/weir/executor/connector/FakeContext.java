package io.weir.executor.connector;

import io.weir.executor.api.Counter;
import io.weir.executor.api.OperatorContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link OperatorContext} for driving readers and sinks without a runtime. */
public final class FakeContext implements OperatorContext {

    private final int subtaskIndex;
    private final int parallelism;
    private final int chunkSize;
    private final Clock clock;
    private final Map<String, Counter> counters = new HashMap<>();

    public FakeContext(int subtaskIndex, int parallelism, int chunkSize, Clock clock) {
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.chunkSize = chunkSize;
        this.clock = clock;
    }

    public static FakeContext single() {
        return new FakeContext(0, 1, 1024, new MutableClock(0));
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
        return counters.computeIfAbsent(name, n -> new Counter() {
            private final AtomicLong value = new AtomicLong();

            @Override
            public void inc(long delta) {
                value.addAndGet(delta);
            }

            @Override
            public long get() {
                return value.get();
            }
        });
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
