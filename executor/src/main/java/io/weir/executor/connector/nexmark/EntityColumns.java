package io.weir.executor.connector.nexmark;

import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;

/**
 * Writes the columns of one Nexmark entity for a batch of events, a column at a time, straight into the typed
 * arrays of fresh vectors. Every field draws from its own {@link EventRandom} stream, so a column the table does not
 * declare costs nothing and changes no other column. Not thread-safe; one per reader.
 */
abstract class EntityColumns {

    protected final EventModel model;
    protected final EventRandom random;
    protected final TextPool text;

    EntityColumns(EventModel model, EventRandom random, TextPool text) {
        this.model = model;
        this.random = random;
        this.text = text;
    }

    /**
     * Writes rows {@code [0, events.size)} of {@code out}, one per event of {@code events}.
     *
     * @param column the index of the column in the entity's column list ({@link NexmarkEntity#columnNames()})
     */
    abstract void fill(int column, EventBatch events, Vector out);

    protected final void fillTimestamps(EventBatch events, Vector out) {
        long[] ids = events.ids;
        long[] values = ((LongVector) out).values();
        for (int i = 0; i < events.size; i++) {
            values[i] = model.eventTime(ids[i], random);
        }
    }

    /** An extra field for every row: {@code currentSize} gives each event's size without it. */
    protected final void fillExtra(EventBatch events, Vector out, int field, SizeOfEvent currentSize,
            int averageSize) {
        long[] ids = events.ids;
        String[] values = ((StringVector) out).values();
        for (int i = 0; i < events.size; i++) {
            int size = currentSize.bytesWithoutExtra(ids[i]);
            random.reset(ids[i], field);
            long bits = random.nextLong();
            values[i] = text.letters(TextPool.window(bits), EventModel.extraLength(bits >>> 32, size, averageSize));
        }
    }

    /** How large an event is without its extra field, as the reference counts it. */
    @FunctionalInterface
    protected interface SizeOfEvent {
        int bytesWithoutExtra(long eventId);
    }
}
