package io.weir.executor.connector.datagen;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import java.util.List;

/**
 * Divides a datagen table among subtasks. A bounded table of {@code totalRows} rows gives subtask {@code i} the
 * contiguous rows {@code [offset(i), offset(i) + count(i))} (the first {@code totalRows % parallelism} subtasks
 * take one row more), and every sequence column uses the same positions, so subtasks together produce each
 * sequence value exactly once: no overlap and no gap. The rate limit is shared out the same way
 * ({@code rows-per-second / parallelism} each), as in Flink.
 */
final class DataGenSource implements SourceFactory {

    /** Marks an unbounded table. */
    static final long UNBOUNDED = -1;

    private final String tableName;
    private final List<FieldSpec> fields;
    private final long totalRows;
    private final double rowsPerSecond;

    DataGenSource(String tableName, List<FieldSpec> fields, long totalRows, double rowsPerSecond) {
        this.tableName = tableName;
        this.fields = List.copyOf(fields);
        this.totalRows = totalRows;
        this.rowsPerSecond = rowsPerSecond;
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        if (totalRows == UNBOUNDED) {
            return new DataGenReader(tableName, fields, subtaskIndex, parallelism, 0, UNBOUNDED,
                    rowsPerSecond / parallelism);
        }
        long base = totalRows / parallelism;
        long remainder = totalRows % parallelism;
        long offset = subtaskIndex * base + Math.min(subtaskIndex, remainder);
        long count = base + (subtaskIndex < remainder ? 1 : 0);
        return new DataGenReader(tableName, fields, subtaskIndex, parallelism, offset, count,
                rowsPerSecond / parallelism);
    }

    @Override
    public boolean isBounded() {
        return totalRows != UNBOUNDED;
    }
}
