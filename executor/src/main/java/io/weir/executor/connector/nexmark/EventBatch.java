package io.weir.executor.connector.nexmark;

/**
 * The events of the chunk being generated: their ids and, computed once by {@link SubtaskEvents} without a
 * division, the cycle each belongs to ({@code id / totalProportion}), which most columns need. Re-used from chunk to
 * chunk by one reader.
 */
final class EventBatch {

    final long[] ids;
    final long[] cycles;
    int size;
    /** Changes with every new content, so a generator can keep what it derived from one batch for its next column. */
    long generation;

    EventBatch(int capacity) {
        this.ids = new long[capacity];
        this.cycles = new long[capacity];
    }

    int capacity() {
        return ids.length;
    }
}
