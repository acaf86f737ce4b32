package io.weir.executor.connector.nexmark;

/**
 * The event ids of a reader's split, handed out in the order the reader emits them: {@link SubtaskEvents} in
 * event-id order, or {@link ShuffledEvents} shuffled within groups. Not thread-safe; one per reader.
 */
interface SplitEvents {

    /** True when no row is left: the table is bounded and every row of the split has been taken. */
    boolean isExhausted();

    /** Fills {@code batch} with up to {@code max} next rows; fewer only at the end of a bounded table. */
    void take(EventBatch batch, int max);

    /** How many rows {@link #take} has handed out. */
    long rowsTaken();

    /** How many of the split's rows lie within the first {@code events} events of its share (for throttling). */
    long rowsWithin(long events);

    /** Where the split stands: {@code {cycle, slot, rowsOfGroupTaken}} (see {@link NexmarkPositions}). */
    long[] position();

    /** Continues after what an earlier run of the table had emitted when it was checkpointed. */
    void restore(NexmarkPositions.Progress progress);
}
