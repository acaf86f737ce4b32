package io.weir.bench.flink;

import io.weir.bench.nexmark.Latency;
import io.weir.bench.nexmark.StartClock;
import io.weir.executor.api.Counter;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.TimerService;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.connector.nexmark.NexmarkConnectorFactory;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Watermark;
import io.weir.executor.job.RuntimeOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * One Flink subtask's reader: drives Weir's nexmark {@link io.weir.executor.api.SourceReader} for its split and turns
 * each chunk it emits into rows (the row objects Flink's table runtime takes). One chunk per {@link #pollNext}, so a
 * checkpoint (taken between two polls) sees the Weir reader's position after a whole chunk, as in Weir.
 */
final class GeneratorReader implements SourceReader<RowData, GeneratorSplit> {

    private final String tableName;
    private final List<String> columnNames;
    private final List<LogicalType> flinkTypes;
    private final Map<String, String> options;
    private final List<DataType> weirTypes = new ArrayList<>();
    private final CompletableFuture<Void> splitsArrived = new CompletableFuture<>();

    private GeneratorSplit split;
    private io.weir.executor.api.SourceReader reader;
    private boolean noMoreSplits;
    private Chunk chunk;
    /** The clock the Weir reader reads; in a latency run, paced from the shared epoch ({@link Latency}). */
    private Clock clock = Clock.systemUTC();
    /** Completes when a throttled reader is worth polling again; null when it has rows now. */
    private CompletableFuture<Void> throttled;

    GeneratorReader(String tableName, List<String> columnNames, List<LogicalType> flinkTypes,
            Map<String, String> options) {
        this.tableName = tableName;
        this.columnNames = columnNames;
        this.flinkTypes = flinkTypes;
        this.options = options;
        for (LogicalType type : flinkTypes) {
            weirTypes.add(weirType(type));
        }
    }

    private static DataType weirType(LogicalType type) {
        return switch (type.getTypeRoot()) {
            case BIGINT -> DataType.BIGINT;
            case CHAR, VARCHAR -> DataType.STRING;
            case TIMESTAMP_WITHOUT_TIME_ZONE -> DataType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> DataType.of(TypeKind.TIMESTAMP_LTZ);
            default -> throw new IllegalArgumentException("Nexmark columns are BIGINT, STRING or TIMESTAMP(3), not "
                    + type);
        };
    }

    @Override
    public void start() {
    }

    @Override
    public InputStatus pollNext(ReaderOutput<RowData> output) throws Exception {
        if (reader == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        chunk = null;
        throttled = null;
        io.weir.executor.api.InputStatus status = reader.pollNext(new SourceOutput() {
            @Override
            public void emit(int splitIndex, Chunk emitted) {
                chunk = emitted;
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                // Flink derives watermarks from the table's WATERMARK clause; the generator emits none.
            }
        });
        if (chunk != null) {
            emitRows(chunk, output);
        } else if (status == io.weir.executor.api.InputStatus.NOTHING_AVAILABLE) {
            // Throttled: come back in 1 ms, as Weir's source task parks for 1 ms, rather than spin on a core.
            throttled = new CompletableFuture<>();
            CompletableFuture<Void> wake = throttled;
            CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS).execute(() -> wake.complete(null));
            return InputStatus.NOTHING_AVAILABLE;
        }
        return switch (status) {
            case MORE_AVAILABLE, NOTHING_AVAILABLE -> InputStatus.MORE_AVAILABLE;
            case END_OF_INPUT -> InputStatus.END_OF_INPUT;
        };
    }

    private void emitRows(Chunk rows, ReaderOutput<RowData> output) {
        int columns = rows.columnCount();
        int n = rows.size();
        for (int r = 0; r < n; r++) {
            GenericRowData row = new GenericRowData(columns);
            for (int c = 0; c < columns; c++) {
                if (rows.column(c).isNull(r)) {
                    continue;
                }
                row.setField(c, switch (weirTypes.get(c).kind()) {
                    case BIGINT -> ((LongVector) rows.column(c)).get(r);
                    case TIMESTAMP, TIMESTAMP_LTZ -> TimestampData.fromEpochMillis(((LongVector) rows.column(c)).get(r));
                    default -> StringData.fromString(((StringVector) rows.column(c)).get(r));
                });
            }
            output.collect(row);
        }
    }

    @Override
    public List<GeneratorSplit> snapshotState(long checkpointId) {
        if (split == null) {
            return List.of();
        }
        return List.of(new GeneratorSplit(split.subtask(), split.parallelism(), reader.snapshotPositions()));
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        if (reader != null && throttled != null) {
            return throttled;
        }
        return reader != null || noMoreSplits ? CompletableFuture.completedFuture(null) : splitsArrived;
    }

    @Override
    public void addSplits(List<GeneratorSplit> splits) {
        if (splits.isEmpty()) {
            return;
        }
        if (split != null || splits.size() > 1) {
            throw new IllegalStateException("One generator split per reader, got " + splits);
        }
        split = splits.get(0);
        TableSpec spec = new TableSpec(tableName, columnNames, weirTypes, options,
                new ConnectorEnvironment(Path.of("."), List.of(), Clock.systemUTC(), null));
        reader = new NexmarkConnectorFactory().create(spec).createSource()
                .createReader(split.subtask(), split.parallelism());
        try {
            if (!split.positions().isEmpty()) {
                reader.restorePositions(split.positions());
            }
            String rate = options.get("rows-per-second");
            StartClock paced = Latency.isActive() && rate != null ? Latency.openingClock(Double.parseDouble(rate),
                    split.parallelism(), RuntimeOptions.DEFAULT_CHUNK_SIZE) : null;
            if (paced != null) {
                clock = paced;
            }
            reader.open(new ReaderContext(split.subtask(), split.parallelism(), clock));
            if (paced != null) {
                paced.start();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not open the generator of " + split, e);
        }
        splitsArrived.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        splitsArrived.complete(null);
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }

    /** What the Weir reader may ask of its runtime: who it is and the chunk size; nothing else is used. */
    private record ReaderContext(int subtaskIndex, int parallelism, Clock clock) implements OperatorContext {

        @Override
        public String jobName() {
            return "flink";
        }

        @Override
        public String operatorName() {
            return "nexmark";
        }

        @Override
        public boolean isCheckpointingEnabled() {
            return false;
        }

        @Override
        public int chunkSize() {
            return RuntimeOptions.DEFAULT_CHUNK_SIZE;
        }

        @Override
        public Counter counter(String name) {
            AtomicLong value = new AtomicLong();
            return new Counter() {
                @Override
                public void inc(long delta) {
                    value.addAndGet(delta);
                }

                @Override
                public long get() {
                    return value.get();
                }
            };
        }

        @Override
        public TimerService timerService() {
            throw new UnsupportedOperationException("The generator needs no timers");
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
