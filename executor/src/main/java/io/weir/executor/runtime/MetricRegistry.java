package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one job, by name, shared by all its subtasks: a counter's value is the sum over the subtasks
 * that incremented it. Counters are {@link LongAdder}s, so task threads increment them without contention.
 */
public final class MetricRegistry {

    private final Map<String, AdderCounter> counters = new ConcurrentHashMap<>();

    /** The counter with this name, created on first use; callers keep it rather than look it up per chunk. */
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new AdderCounter());
    }

    /** The current value of every counter, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new TreeMap<>();
        counters.forEach((name, counter) -> values.put(name, counter.get()));
        return values;
    }

    private static final class AdderCounter implements Counter {
        private final LongAdder sum = new LongAdder();

        @Override
        public void inc(long delta) {
            sum.add(delta);
        }

        @Override
        public long get() {
            return sum.sum();
        }
    }
}
