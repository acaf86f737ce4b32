package io.weir.executor.connector.nexmark;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.RowRateLimiter;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One subtask of a nexmark table: its split of the event sequence, emitted a chunk per poll with the declared
 * columns written straight into fresh vectors. Rows of a split are in event-id order, so event time never goes
 * back within it, unless the table asks for disorder ({@link EventDisorder}). A throttled reader reads the context's
 * clock; a cancelled one emits nothing more (and never reports the end of its input). Checkpoints record where
 * each subtask stands ({@link NexmarkPositions}), so a restored run at any parallelism goes on from there.
 */
final class NexmarkReader implements SourceReader {

    private final int subtask;
    private final int parallelism;
    private final EntityColumns generator;
    private final SplitEvents events;
    private final List<DataType> columnTypes;
    private final int[] entityColumns;
    /** The declared columns the plan reads; the others are not generated. */
    private final BitSet readColumns;
    /**
     * Per unread column, the vector of nulls (of a batch's capacity) emitted in its place by every chunk: chunks are
     * immutable once emitted, so they can share it.
     */
    private final Vector[] nullColumns;
    /** Events per second of this subtask; infinite when unthrottled. */
    private final double eventsPerSecond;

    private OperatorContext context;
    private RowRateLimiter limiter;
    private EventBatch batch;
    private boolean emptyAtStart;

    NexmarkReader(int subtask, int parallelism, EntityColumns generator, SplitEvents events,
            List<DataType> columnTypes, int[] entityColumns, BitSet readColumns, double eventsPerSecond) {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.generator = generator;
        this.events = events;
        this.columnTypes = columnTypes;
        this.entityColumns = entityColumns;
        this.readColumns = (BitSet) readColumns.clone();
        this.nullColumns = new Vector[entityColumns.length];
        this.eventsPerSecond = eventsPerSecond;
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        int chunkSize = Math.max(1, context.chunkSize());
        batch = new EventBatch(chunkSize);
        emptyAtStart = events.isExhausted();
        if (!Double.isInfinite(eventsPerSecond)) {
            limiter = new RowRateLimiter(eventsPerSecond, chunkSize, context.clock().millis());
        }
    }

    /** One split, the subtask's share of the sequence; none when a bounded table leaves it no row. */
    @Override
    public int splitCount() {
        return emptyAtStart ? 0 : 1;
    }

    @Override
    public InputStatus pollNext(SourceOutput out) {
        if (context.isCancelled()) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (events.isExhausted()) {
            return InputStatus.END_OF_INPUT;
        }
        int rows = batch.capacity();
        if (limiter != null) {
            long allowed = events.rowsWithin(limiter.allowedBy(context.clock().millis())) - events.rowsTaken();
            if (allowed <= 0) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            rows = (int) Math.min(rows, allowed);
        }
        events.take(batch, rows);
        Vector[] columns = new Vector[entityColumns.length];
        for (int c = 0; c < columns.length; c++) {
            if (readColumns.get(c)) {
                columns[c] = Vector.allocate(columnTypes.get(c), batch.size);
                generator.fill(entityColumns[c], batch, columns[c]);
            } else {
                columns[c] = nulls(c);
            }
        }
        out.emit(0, new Chunk(columns, batch.size));
        return events.isExhausted() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    private Vector nulls(int column) {
        if (nullColumns[column] == null) {
            nullColumns[column] = Vector.allNulls(columnTypes.get(column), batch.capacity());
        }
        return nullColumns[column];
    }

    @Override
    public Map<String, byte[]> snapshotPositions() {
        return NexmarkPositions.encode(subtask, parallelism, events.position());
    }

    @Override
    public void restorePositions(Map<String, byte[]> positions) {
        NexmarkPositions.Progress progress = NexmarkPositions.decode(positions);
        if (progress != null) {
            events.restore(progress);
        }
    }

    @Override
    public void close() {
        // Nothing to release: the generator holds only memory.
    }
}
