package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Statistics of one vertex over its subtasks: rows in, rows out, and the watermark it forwarded. Each subtask
 * writes only its own slots, through its {@link Subtask} view, once per chunk or watermark, with ordered stores
 * (no compare-and-set, no lock); any thread may read. Rows out are also counted in the job's
 * {@code <vertexName>.records_out} counter.
 */
public final class VertexMetrics {

    private final int vertexId;
    private final String name;
    private final Counter recordsOutCounter;
    private final AtomicLongArray recordsIn;
    private final AtomicLongArray recordsOut;
    /** Per subtask, the last watermark it forwarded. */
    private final AtomicLongArray watermarks;

    VertexMetrics(int vertexId, String name, int parallelism, Counter recordsOutCounter) {
        this.vertexId = vertexId;
        this.name = name;
        this.recordsOutCounter = recordsOutCounter;
        this.recordsIn = new AtomicLongArray(parallelism);
        this.recordsOut = new AtomicLongArray(parallelism);
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
        return sum(recordsIn);
    }

    /** Rows the vertex emitted, over all subtasks. */
    public long recordsOut() {
        return sum(recordsOut);
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

    private static long sum(AtomicLongArray perSubtask) {
        long sum = 0;
        for (int s = 0; s < perSubtask.length(); s++) {
            sum += perSubtask.get(s);
        }
        return sum;
    }

    /** What one subtask's thread updates; used by that thread only. */
    final class Subtask {
        private final int index;
        /** Running totals, kept here so an update is a plain add and one ordered store. */
        private long in;
        private long out;

        private Subtask(int index) {
            this.index = index;
        }

        void recordsIn(int rows) {
            in += rows;
            recordsIn.lazySet(index, in);
        }

        void recordsOut(int rows) {
            out += rows;
            recordsOut.lazySet(index, out);
            recordsOutCounter.inc(rows);
        }

        void watermarkForwarded(long timestamp) {
            watermarks.lazySet(index, timestamp);
        }
    }
}
