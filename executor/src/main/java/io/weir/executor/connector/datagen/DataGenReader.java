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
import java.util.SplittableRandom;

/**
 * One subtask of a datagen table: emits up to a chunk per poll, as far as the rate limit allows, reading time
 * from the context's injected clock.
 *
 * <p>Random values are seeded per column from the table name, the parallelism and the subtask index, so a given
 * table, parallelism and subtask always produce the same values (temporal values also depend on the clock).
 *
 * <p>The subtask's share of the table is its one split (none when a bounded table leaves it no rows). Unbounded,
 * TIMESTAMP and TIMESTAMP_LTZ columns carry the clock's time at each poll (minus a random {@code max-past}), so a
 * {@code WATERMARK FOR ts AS ts - INTERVAL '1' SECOND} advances with the clock. A cancelled reader emits nothing
 * more and never reports the end of its input, so a cancelled job is never mistaken for a finished one.
 */
final class DataGenReader implements SourceReader {

    private final String tableName;
    private final List<FieldSpec> fields;
    private final int subtaskIndex;
    private final int parallelism;
    private final long offset;
    /** Rows this subtask produces, or {@link DataGenSource#UNBOUNDED}. */
    private final long count;
    private final double rowsPerSecond;

    private ColumnGenerator[] generators;
    private Clock clock;
    private int chunkSize;
    private RowRateLimiter limiter;
    private long emitted;
    private OperatorContext context;

    DataGenReader(String tableName, List<FieldSpec> fields, int subtaskIndex, int parallelism, long offset, long count,
            double rowsPerSecond) {
        this.tableName = tableName;
        this.fields = fields;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.offset = offset;
        this.count = count;
        this.rowsPerSecond = rowsPerSecond;
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        clock = context.clock();
        chunkSize = Math.max(1, context.chunkSize());
        limiter = new RowRateLimiter(rowsPerSecond, chunkSize, clock.millis());
        generators = new ColumnGenerator[fields.size()];
        for (int c = 0; c < generators.length; c++) {
            generators[c] = ColumnGenerator.create(fields.get(c), offset,
                    new SplittableRandom(seed(c, 0)), new SplittableRandom(seed(c, 1)));
        }
    }

    private long seed(int column, int stream) {
        long h = tableName.hashCode();
        h = mix(h * 31 + column);
        h = mix(h * 31 + parallelism);
        h = mix(h * 31 + subtaskIndex);
        return mix(h * 31 + stream);
    }

    /** The finalizer of MurmurHash3: spreads nearby inputs over the whole range of seeds. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    @Override
    public int splitCount() {
        return count == 0 ? 0 : 1;
    }

    @Override
    public InputStatus pollNext(SourceOutput out) {
        if (context.isCancelled()) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        long remaining = count == DataGenSource.UNBOUNDED ? Long.MAX_VALUE : count - emitted;
        if (remaining <= 0) {
            return InputStatus.END_OF_INPUT;
        }
        long now = clock.millis();
        long allowed = limiter.allowedBy(now) - emitted;
        if (allowed <= 0) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        int rows = (int) Math.min(chunkSize, Math.min(allowed, remaining));
        Vector[] columns = new Vector[generators.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(fields.get(c).type(), rows);
            generators[c].fill(columns[c], rows, emitted, now);
        }
        out.emit(0, new Chunk(columns, rows));
        emitted += rows;
        return rows == remaining ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void close() {
        // Nothing to release: generators hold only memory.
    }
}
