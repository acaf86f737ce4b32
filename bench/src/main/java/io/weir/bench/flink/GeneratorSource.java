package io.weir.bench.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * A Flink (FLIP-27) source over Weir's deterministic Nexmark generator: each Flink subtask runs the Weir reader of the
 * same subtask at the same parallelism, so Flink sees exactly the rows, in the same order per subtask, that Weir's
 * own source emits. Checkpointable: a split carries the Weir reader's positions.
 */
public final class GeneratorSource implements Source<RowData, GeneratorSplit, PendingSplits> {

    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final ArrayList<String> columnNames;
    private final ArrayList<LogicalType> columnTypes;
    private final HashMap<String, String> options;
    private final boolean bounded;

    /** @param options the table's WITH options as Weir's {@code nexmark} connector takes them */
    public GeneratorSource(String tableName, List<String> columnNames, List<LogicalType> columnTypes,
            Map<String, String> options) {
        this.tableName = tableName;
        this.columnNames = new ArrayList<>(columnNames);
        this.columnTypes = new ArrayList<>(columnTypes);
        this.options = new HashMap<>(options);
        this.bounded = options.containsKey("events.num");
    }

    @Override
    public Boundedness getBoundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<RowData, GeneratorSplit> createReader(SourceReaderContext readerContext) {
        return new GeneratorReader(tableName, columnNames, columnTypes, options);
    }

    @Override
    public SplitEnumerator<GeneratorSplit, PendingSplits> createEnumerator(
            SplitEnumeratorContext<GeneratorSplit> context) {
        int parallelism = context.currentParallelism();
        List<GeneratorSplit> splits = new ArrayList<>();
        for (int s = 0; s < parallelism; s++) {
            splits.add(new GeneratorSplit(s, parallelism, Map.of()));
        }
        return new GeneratorEnumerator(context, splits);
    }

    @Override
    public SplitEnumerator<GeneratorSplit, PendingSplits> restoreEnumerator(
            SplitEnumeratorContext<GeneratorSplit> context, PendingSplits checkpoint) {
        return new GeneratorEnumerator(context, checkpoint.splits());
    }

    @Override
    public SimpleVersionedSerializer<GeneratorSplit> getSplitSerializer() {
        return new GeneratorSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<PendingSplits> getEnumeratorCheckpointSerializer() {
        return new PendingSplits.Serializer();
    }
}
