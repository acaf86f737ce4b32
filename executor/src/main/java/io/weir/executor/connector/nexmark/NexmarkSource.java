package io.weir.executor.connector.nexmark;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.DataType;
import java.util.BitSet;
import java.util.List;

/**
 * Divides a nexmark table among subtasks: subtask {@code s} of {@code p} reads the cycles of events dealt to it (see
 * {@link SubtaskEvents}), shuffled within groups when the table asks for disorder ({@link ShuffledEvents}), and
 * throttles to {@code rows-per-second / p} events per second. Immutable.
 */
final class NexmarkSource implements SourceFactory {

    private final NexmarkConfig config;
    private final EventModel model;
    private final List<DataType> columnTypes;
    private final int[] entityColumns;
    private final BitSet readColumns;

    /** @param readColumns the declared columns the plan reads; the others are left null */
    NexmarkSource(NexmarkConfig config, List<DataType> columnTypes, int[] entityColumns, BitSet readColumns) {
        this.config = config;
        this.model = config.model();
        this.columnTypes = List.copyOf(columnTypes);
        this.entityColumns = entityColumns.clone();
        this.readColumns = (BitSet) readColumns.clone();
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        NexmarkEntity entity = config.entity();
        long end = config.isBounded() ? config.eventsNum() : Long.MAX_VALUE;
        SubtaskEvents inOrder = new SubtaskEvents(subtaskIndex, parallelism, model.totalProportion,
                entity.firstSlot(model), entity.slotCount(model), end);
        EventDisorder disorder = config.disorder();
        SplitEvents events = disorder.shuffles()
                ? new ShuffledEvents(inOrder, disorder.groupSize(), new EventRandom(config.seed()))
                : inOrder;
        return new NexmarkReader(subtaskIndex, parallelism, entity.columns(model, config.seed()), events, columnTypes,
                entityColumns, readColumns,
                config.rowsPerSecond() / parallelism);
    }

    @Override
    public boolean isBounded() {
        return config.isBounded();
    }
}
