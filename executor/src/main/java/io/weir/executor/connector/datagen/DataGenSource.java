package io.weir.executor.connector.datagen;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import java.util.List;

/**
 * Divides a datagen table among subtasks. A bounded table of {@code totalRows} rows gives subtask {@code i} the
 * contiguous rows {@code [offset(i), offset(i) + count(i))} (the first {@code totalRows % parallelism} subtasks
 * take one row more), and every sequence column uses the same positions, so subtasks together produce each
 * sequence value exactly once: no overlap and no gap (also after a restore at another parallelism, see
 * {@link RowRange}). The rate limit is shared out the same way
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
        boolean bounded = totalRows != UNBOUNDED;
        // An unbounded table is rows [0, Long.MAX_VALUE): ranges no subtask can exhaust, with stable row indexes.
        RowRange share = RowRange.freshShare(bounded ? totalRows : Long.MAX_VALUE, subtaskIndex, parallelism);
        return new DataGenReader(tableName, fields, subtaskIndex, parallelism, share, bounded,
                rowsPerSecond / parallelism);
    }

    @Override
    public boolean isBounded() {
        return totalRows != UNBOUNDED;
    }
}
