package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Statistics of one vertex, summed or combined over its subtasks: rows in, rows out, and the watermark it
 * forwarded. Task threads update it once per chunk or watermark through their {@link Subtask} view; any thread
 * may read it. Rows out are also counted in the job's {@code <vertexName>.records_out} counter.
 */
public final class VertexMetrics {

    private final int vertexId;
    private final String name;
    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();
    private final Counter recordsOutCounter;
    /** Per subtask, the last watermark it forwarded; each slot is written by its own subtask's thread only. */
    private final AtomicLongArray watermarks;

    VertexMetrics(int vertexId, String name, int parallelism, Counter recordsOutCounter) {
        this.vertexId = vertexId;
        this.name = name;
        this.recordsOutCounter = recordsOutCounter;
        this.watermarks = new AtomicLongArray(parallelism);
        for (int s = 0; s < parallelism; s++) {
            watermarks.set(s, Long.MIN_VALUE);
        }
    }

    public int vertexId() {
        return vertexId;
    }

    public String name() {
        return name;
    }

    public int parallelism() {
        return watermarks.length();
    }

    /** Rows the vertex's operators received, over all subtasks; 0 for a source. */
    public long recordsIn() {
        return recordsIn.sum();
    }

    /** Rows the vertex emitted, over all subtasks. */
    public long recordsOut() {
        return recordsOut.sum();
    }

    /** The minimum over subtasks of the last watermark each forwarded: {@link Long#MIN_VALUE} until all did. */
    public long watermark() {
        long min = Long.MAX_VALUE;
        for (int s = 0; s < watermarks.length(); s++) {
            min = Math.min(min, watermarks.get(s));
        }
        return min;
    }

    Subtask subtask(int index) {
        return new Subtask(index);
    }

    /** What one subtask's thread updates. */
    final class Subtask {
        private final int index;

        private Subtask(int index) {
            this.index = index;
        }

        void recordsIn(int rows) {
            recordsIn.add(rows);
        }

        void recordsOut(int rows) {
            recordsOut.add(rows);
            recordsOutCounter.inc(rows);
        }

        void watermarkForwarded(long timestamp) {
            // Ordered (release) store: readers on other threads see it soon, without a full fence per watermark.
            watermarks.lazySet(index, timestamp);
        }
    }
}
