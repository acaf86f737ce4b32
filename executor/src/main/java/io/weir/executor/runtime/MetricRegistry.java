package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The metrics of one job: counters by name, shared by all its subtasks (a counter's value is the sum over the
 * subtasks that incremented it), and one {@link VertexMetrics} per vertex. Counters are {@link LongAdder}s, so
 * task threads increment them without contention.
 */
public final class MetricRegistry {

    private final Map<String, AdderCounter> counters = new ConcurrentHashMap<>();
    private final Map<Integer, VertexMetrics> vertices = new ConcurrentSkipListMap<>();

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

    /** The statistics of vertex {@code vertexId}, created once; rows out also count in {@code <name>.records_out}. */
    VertexMetrics vertex(int vertexId, String name, int parallelism) {
        return vertices.computeIfAbsent(vertexId,
                id -> new VertexMetrics(id, name, parallelism, counter(name + ".records_out")));
    }

    /** Every vertex's statistics, by vertex id. */
    public List<VertexMetrics> vertices() {
        return List.copyOf(vertices.values());
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
