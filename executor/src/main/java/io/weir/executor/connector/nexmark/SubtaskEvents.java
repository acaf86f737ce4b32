package io.weir.executor.connector.nexmark;

/**
 * Walks the event ids whose rows one subtask emits: its split of the event sequence.
 *
 * <p>The sequence is cut into cycles of {@code totalProportion} events (50 by default), dealt round robin: subtask
 * {@code s} of {@code p} takes cycles {@code s, s + p, s + 2p, ...}, and within them the slots of its table's entity.
 * So every event belongs to exactly one subtask at any parallelism, and all subtasks move through event time
 * together (they are never more than {@code p} cycles apart when they run at the same speed), which keeps
 * watermarks close and window state small; contiguous ranges per subtask could not split an unbounded sequence and
 * would give each subtask a different stretch of event time. Not thread-safe.
 */
final class SubtaskEvents {

    private final int subtask;
    private final int parallelism;
    private final int cycleLength;
    private final int firstSlot;
    private final int slotCount;
    /** One past the last event id of a bounded table, or {@link Long#MAX_VALUE}. */
    private final long endEventId;

    /** The local cycle (0 for cycle {@code subtask}) and slot of the next row. */
    private long cycle;
    private int slot;
    private long rowsTaken;

    SubtaskEvents(int subtask, int parallelism, int cycleLength, int firstSlot, int slotCount, long endEventId) {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.cycleLength = cycleLength;
        this.firstSlot = firstSlot;
        this.slotCount = slotCount;
        this.endEventId = endEventId;
    }

    /** True when no row is left: the table is bounded and the next id is past its end. */
    boolean isExhausted() {
        return slotCount == 0 || nextId() >= endEventId;
    }

    private long nextId() {
        return (subtask + cycle * parallelism) * cycleLength + firstSlot + slot;
    }

    /** Fills {@code batch} with up to {@code max} next rows; fewer only at the end of a bounded table. */
    void take(EventBatch batch, int max) {
        long[] ids = batch.ids;
        long[] cycles = batch.cycles;
        int n = 0;
        while (n < max && !isExhausted()) {
            long globalCycle = subtask + cycle * parallelism;
            ids[n] = globalCycle * cycleLength + firstSlot + slot;
            cycles[n] = globalCycle;
            n++;
            if (++slot == slotCount) {
                slot = 0;
                cycle++;
            }
        }
        batch.size = n;
        batch.generation++;
        rowsTaken += n;
    }

    long rowsTaken() {
        return rowsTaken;
    }

    /** How many of this subtask's rows lie within the first {@code events} events of its split (for throttling). */
    long rowsWithin(long events) {
        long fullCycles = events / cycleLength;
        if (fullCycles >= Long.MAX_VALUE / cycleLength) {
            return Long.MAX_VALUE;
        }
        long partial = Math.max(0, Math.min(events % cycleLength - firstSlot, slotCount));
        return fullCycles * slotCount + partial;
    }
}
