package io.weir.executor.connector.nexmark;

import java.util.Arrays;

/**
 * A split's rows out of event-time order, as {@code 'out-of-order.group-size'} asks: the event sequence is cut into
 * groups of {@code groupSize} consecutive event ids ({@code [k * groupSize, (k + 1) * groupSize)}), and the split
 * emits its rows of each group, groups in order, in a shuffled order within the group.
 *
 * <p>Groups are counted in ids of the whole sequence rather than in rows of the split so that the disorder spans
 * the same stretch of event time at every parallelism: within a split, event time never goes back by as much as
 * {@code groupSize} events' worth. The shuffle is a Fisher-Yates pass whose draws are seeded by the table's seed
 * and the group number, so a run repeats exactly. The split's rows of the current group are buffered (at most
 * {@code groupSize} ids); nothing is allocated per row. Not thread-safe; one per reader.
 */
final class ShuffledEvents implements SplitEvents {

    /** The draws of a group's shuffle: a field number no entity column uses. */
    private static final int SHUFFLE_FIELD = 65;
    private static final int INITIAL_CAPACITY = 1024;

    private final SubtaskEvents events;
    private final long groupSize;
    private final EventRandom random;

    /** The split's rows of the current group, shuffled; {@code [position, size)} are still to be handed out. */
    private long[] ids;
    private long[] cycles;
    private int size;
    private int position;
    private long rowsTaken;
    /** Where the underlying split stood when the current group was taken: {@code {cycle, slot}}. */
    private long[] groupStart = {0, 0};
    /** After a restore: rows of the next group to skip, emitted before the checkpoint. */
    private int skipInNextGroup;

    ShuffledEvents(SubtaskEvents events, int groupSize, EventRandom random) {
        if (groupSize < 2) {
            throw new IllegalArgumentException("A shuffle needs groups of 2 or more events, got " + groupSize);
        }
        this.events = events;
        this.groupSize = groupSize;
        this.random = random;
        int capacity = Math.min(groupSize, INITIAL_CAPACITY);
        this.ids = new long[capacity];
        this.cycles = new long[capacity];
    }

    @Override
    public boolean isExhausted() {
        return position == size && events.isExhausted();
    }

    @Override
    public void take(EventBatch batch, int max) {
        int n = 0;
        while (n < max && (position < size || nextGroup())) {
            int count = Math.min(max - n, size - position);
            System.arraycopy(ids, position, batch.ids, n, count);
            System.arraycopy(cycles, position, batch.cycles, n, count);
            position += count;
            n += count;
        }
        batch.size = n;
        batch.generation++;
        rowsTaken += n;
    }

    /** Buffers and shuffles the split's rows of the next group that has any; false at the end of the table. */
    private boolean nextGroup() {
        if (events.isExhausted()) {
            return false;
        }
        groupStart = events.position();
        long group = events.nextId() / groupSize;
        long end = group >= Long.MAX_VALUE / groupSize - 1 ? Long.MAX_VALUE : (group + 1) * groupSize;
        size = 0;
        position = 0;
        while (true) {
            size += events.take(ids, cycles, size, ids.length - size, end);
            if (size < ids.length || events.isExhausted() || events.nextId() >= end) {
                break;
            }
            grow();
        }
        shuffle(group);
        position = Math.min(skipInNextGroup, size);
        skipInNextGroup = 0;
        return true;
    }

    /** Doubles the buffer; a split never has more than {@code groupSize} rows of a group, so it stops there. */
    private void grow() {
        int capacity = (int) Math.min(groupSize, 2L * ids.length);
        ids = Arrays.copyOf(ids, capacity);
        cycles = Arrays.copyOf(cycles, capacity);
    }

    private void shuffle(long group) {
        random.reset(group, SHUFFLE_FIELD);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long id = ids[i];
            ids[i] = ids[j];
            ids[j] = id;
            long cycle = cycles[i];
            cycles[i] = cycles[j];
            cycles[j] = cycle;
        }
    }

    /** Mid-group, the group's start and how many of its rows went out: the group is shuffled the same again. */
    @Override
    public long[] position() {
        if (position == size) {
            return events.position();
        }
        return new long[] {groupStart[0], groupStart[1], position};
    }

    @Override
    public void restore(NexmarkPositions.Progress progress) {
        if (progress.parallelism() != events.parallelism()) {
            throw new IllegalStateException("A nexmark table with 'out-of-order.group-size' restores only at the "
                    + "parallelism it was checkpointed at (" + progress.parallelism() + "), not at "
                    + events.parallelism());
        }
        int subtask = events.subtask();
        events.seek(progress.cycles()[subtask], progress.slots()[subtask]);
        skipInNextGroup = (int) progress.groupRows()[subtask];
    }

    @Override
    public long rowsTaken() {
        return rowsTaken;
    }

    @Override
    public long rowsWithin(long events) {
        return this.events.rowsWithin(events);
    }
}
