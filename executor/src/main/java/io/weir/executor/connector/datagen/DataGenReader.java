package io.weir.executor.connector.datagen;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.RowRateLimiter;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One subtask of a datagen table: emits up to a chunk per poll, as far as the rate limit allows, reading time
 * from the context's injected clock.
 *
 * <p>The subtask reads one or more {@link RowRange}s of the table's rows (one in a fresh run; a restored run's share
 * may span the tails of several old ranges), in order, all as its one split for event time (none when a bounded
 * table leaves it no rows). Row {@code r} of the table holds value number {@code r} of each sequence, and random
 * values drawn from streams seeded by the table name and column and restarted at the row's index
 * ({@link RowRandom}), so a row is the same whichever subtask makes it, at any parallelism: a restored reader
 * resumes sequences and random columns exactly, and a restored run emits each row the old run had not emitted
 * once, and none of those it had. What a restore does not reproduce: TIMESTAMP, TIMESTAMP_LTZ, DATE and TIME values,
 * which are the clock's time at the poll that emits the row (minus a random {@code max-past}), so a replayed row
 * carries the time of its replay. That is what an unbounded table's {@code WATERMARK FOR ts AS ts - ...} needs to
 * advance with the clock. A cancelled reader emits nothing more and never reports the end of its input, so a
 * cancelled job is never mistaken for a finished one.
 */
final class DataGenReader implements SourceReader {

    private final String tableName;
    private final List<FieldSpec> fields;
    private final int subtaskIndex;
    private final int parallelism;
    private final boolean bounded;
    private final double rowsPerSecond;
    /** The ranges this subtask reads, in order; replaced by its share of a restored checkpoint. */
    private List<RowRange> ranges;
    /** Index of the first range with rows left. */
    private int current;

    private ColumnGenerator[] generators;
    private Clock clock;
    private int chunkSize;
    private RowRateLimiter limiter;
    /** Rows emitted since open: what the rate limit counts (restored rows were emitted by another run). */
    private long emittedSinceOpen;
    private OperatorContext context;

    /**
     * @param share the rows of a fresh run's subtask (empty when a bounded table leaves it none)
     * @param bounded false for an unbounded table, whose reader never ends
     */
    DataGenReader(String tableName, List<FieldSpec> fields, int subtaskIndex, int parallelism, RowRange share,
            boolean bounded, double rowsPerSecond) {
        this.tableName = tableName;
        this.fields = fields;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.bounded = bounded;
        this.rowsPerSecond = rowsPerSecond;
        this.ranges = share.remaining() > 0 ? List.of(share) : List.of();
    }

    @Override
    public void restorePositions(Map<String, byte[]> positions) {
        List<RowRange> old = RowRange.fromPositions(positions);
        if (!old.isEmpty()) {
            ranges = RowRange.restoredShare(old, subtaskIndex, parallelism);
            current = 0;
        }
    }

    @Override
    public Map<String, byte[]> snapshotPositions() {
        return RowRange.positions(ranges);
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        clock = context.clock();
        chunkSize = Math.max(1, context.chunkSize());
        limiter = new RowRateLimiter(rowsPerSecond, chunkSize, clock.millis());
        generators = new ColumnGenerator[fields.size()];
        for (int c = 0; c < generators.length; c++) {
            generators[c] = ColumnGenerator.create(fields.get(c), new RowRandom(seed(c, 0)),
                    new RowRandom(seed(c, 1)));
        }
    }

    /** The seed of a column's values (stream 0) or nulls (stream 1): the same in every subtask and every run. */
    private long seed(int column, int stream) {
        long h = tableName.hashCode();
        h = RowRandom.mix(h * 31 + column);
        return RowRandom.mix(h * 31 + stream);
    }

    @Override
    public int splitCount() {
        return ranges.isEmpty() ? 0 : 1;
    }

    @Override
    public InputStatus pollNext(SourceOutput out) {
        if (context.isCancelled()) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        while (current < ranges.size() && ranges.get(current).remaining() == 0) {
            current++;
        }
        if (current == ranges.size()) {
            return bounded ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        long now = clock.millis();
        long allowed = limiter.allowedBy(now) - emittedSinceOpen;
        if (allowed <= 0) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        RowRange range = ranges.get(current);
        int rows = (int) Math.min(chunkSize, Math.min(allowed, range.remaining()));
        long firstRow = range.from + range.emitted;
        Vector[] columns = new Vector[generators.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(fields.get(c).type(), rows);
            generators[c].fill(columns[c], rows, firstRow, now);
        }
        out.emit(0, new Chunk(columns, rows));
        range.emitted += rows;
        emittedSinceOpen += rows;
        boolean more = current < ranges.size() - 1 || range.remaining() > 0;
        return more || !bounded ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
    }

    @Override
    public void close() {
        // Nothing to release: generators hold only memory.
    }
}
