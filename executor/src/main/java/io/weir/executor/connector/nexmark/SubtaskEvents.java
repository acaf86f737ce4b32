package io.weir.executor.connector.nexmark;

/**
 * Walks the event ids whose rows one subtask emits: its split of the event sequence.
 *
 * <p>The sequence is cut into cycles of {@code totalProportion} events (50 by default), dealt round robin: subtask
 * {@code s} of {@code p} takes cycles {@code s, s + p, s + 2p, ...}, and within them the slots of its table's entity.
 * So every event belongs to exactly one subtask at any parallelism, and all subtasks move through event time
 * together (they are never more than {@code p} cycles apart when they run at the same speed), which keeps
 * watermarks close and window state small; contiguous ranges per subtask could not split an unbounded sequence and
 * would give each subtask a different stretch of event time. Rows come in event-id order. Not thread-safe.
 */
final class SubtaskEvents implements SplitEvents {

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
    /** What an earlier run emitted, skipped here; null once this split is past all of it. */
    private NexmarkPositions.Progress restored;

    SubtaskEvents(int subtask, int parallelism, int cycleLength, int firstSlot, int slotCount, long endEventId) {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.cycleLength = cycleLength;
        this.firstSlot = firstSlot;
        this.slotCount = slotCount;
        this.endEventId = endEventId;
    }

    @Override
    public boolean isExhausted() {
        return slotCount == 0 || nextId() >= endEventId;
    }

    /** The id of the next row; meaningful only when not {@link #isExhausted()}. */
    long nextId() {
        return (subtask + cycle * parallelism) * cycleLength + firstSlot + slot;
    }

    @Override
    public void take(EventBatch batch, int max) {
        batch.size = take(batch.ids, batch.cycles, 0, max, Long.MAX_VALUE);
        batch.generation++;
    }

    /**
     * Writes up to {@code max} next rows whose ids lie below {@code beforeId} into {@code ids} and {@code cycles}
     * from index {@code from}; returns how many.
     */
    int take(long[] ids, long[] cycles, int from, int max, long beforeId) {
        int n = 0;
        while (n < max && !isExhausted()) {
            long globalCycle = subtask + cycle * parallelism;
            long id = globalCycle * cycleLength + firstSlot + slot;
            if (id >= beforeId) {
                break;
            }
            if (restored != null && restored.isDone(globalCycle, slot)) {
                advance();
                continue;
            }
            if (restored != null && restored.isPast(globalCycle)) {
                restored = null;
            }
            ids[from + n] = id;
            cycles[from + n] = globalCycle;
            n++;
            advance();
        }
        rowsTaken += n;
        return n;
    }

    private void advance() {
        if (++slot == slotCount) {
            slot = 0;
            cycle++;
        }
    }

    @Override
    public long[] position() {
        return new long[] {cycle, slot, 0};
    }

    @Override
    public void restore(NexmarkPositions.Progress progress) {
        if (progress.parallelism() == parallelism && !progress.midGroup()) {
            seek(progress.cycles()[subtask], progress.slots()[subtask]);
        } else {
            restored = progress;
        }
    }

    /** Moves to local cycle {@code cycle}, slot {@code slot}: the rows before it count as handed out already. */
    void seek(long cycle, int slot) {
        this.cycle = cycle;
        this.slot = slot;
    }

    int subtask() {
        return subtask;
    }

    int parallelism() {
        return parallelism;
    }

    @Override
    public long rowsTaken() {
        return rowsTaken;
    }

    @Override
    public long rowsWithin(long events) {
        long fullCycles = events / cycleLength;
        if (fullCycles >= Long.MAX_VALUE / cycleLength) {
            return Long.MAX_VALUE;
        }
        long partial = Math.max(0, Math.min(events % cycleLength - firstSlot, slotCount));
        return fullCycles * slotCount + partial;
    }
}
