package io.weir.bench.flink;

import io.weir.bench.nexmark.Latency;
import io.weir.bench.nexmark.LatencyProbe;
import io.weir.bench.nexmark.RowChecksum;
import io.weir.bench.nexmark.SinkTotals;
import io.weir.bench.nexmark.StringChecksum;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.types.RowKind;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.TimestampType;

/**
 * {@code 'connector' = 'checksum-blackhole'} in Flink: discards rows, adding each row's {@link RowChecksum} to
 * {@link SinkTotals} exactly as Weir's sink does, so the two engines' outputs can be compared.
 */
public final class ChecksumSinkFactory implements DynamicTableSinkFactory {

    @Override
    public String factoryIdentifier() {
        return "checksum-blackhole";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        List<Column> physical = context.getCatalogTable().getResolvedSchema().getColumns().stream()
                .filter(Column::isPhysical).toList();
        return new Table(physical.stream().map(c -> c.getDataType().getLogicalType()).toList(),
                physical.stream().map(Column::getName).toList());
    }

    private record Table(List<LogicalType> types, List<String> names) implements DynamicTableSink {

        @Override
        public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
            return requestedMode;
        }

        @Override
        public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
            return SinkV2Provider.of(new ChecksumSink(types.toArray(new LogicalType[0]), names));
        }

        @Override
        public DynamicTableSink copy() {
            return new Table(types, names);
        }

        @Override
        public String asSummaryString() {
            return "checksum blackhole";
        }
    }

    private record ChecksumSink(LogicalType[] types, List<String> names) implements Sink<RowData> {

        @Override
        public SinkWriter<RowData> createWriter(WriterInitContext context) {
            return new Writer(types, Latency.probeFor(names));
        }
    }

    /** One subtask's sums; added to the totals when its input ends or it closes. */
    private static final class Writer implements SinkWriter<RowData> {

        private final LogicalType[] types;
        /** Null unless this is a throttled run and the rows carry a reference time. */
        private final LatencyProbe latency;
        private long rows;
        private long checksum;
        private boolean published;
        private final StringChecksum strings = new StringChecksum();

        Writer(LogicalType[] types, LatencyProbe latency) {
            this.types = types;
            this.latency = latency;
        }

        @Override
        public void write(RowData row, Context context) {
            if (latency != null && !row.isNullAt(latency.column())) {
                LogicalType type = types[latency.column()];
                latency.record(row.getTimestamp(latency.column(), precision(type)).getMillisecond(),
                        System.currentTimeMillis());
            }
            long h = RowChecksum.start();
            for (int i = 0; i < types.length; i++) {
                h = RowChecksum.fold(h, row.isNullAt(i) ? RowChecksum.NULL : value(row, i, types[i]));
            }
            // An updating result is summed as the table it leaves: retractions take back what their row added, so
            // a changelog of one update per row (Flink) and one per batch of rows (Weir) sum the same.
            RowKind kind = row.getRowKind();
            if (kind == RowKind.UPDATE_BEFORE || kind == RowKind.DELETE) {
                checksum -= RowChecksum.finish(h);
                rows--;
            } else {
                checksum += RowChecksum.finish(h);
                rows++;
            }
        }

        /** A string held as UTF-8 bytes is hashed from them when they are ASCII: a blackhole sink never decodes it. */
        private long string(StringData value) {
            if (value instanceof BinaryStringData binary && binary.getJavaObject() == null) {
                MemorySegment[] segments = binary.getSegments();
                if (segments.length == 1 && !segments[0].isOffHeap()) {
                    long hash = StringChecksum.ofUtf8(segments[0].getArray(), binary.getOffset(),
                            binary.getSizeInBytes());
                    if (hash != Long.MIN_VALUE) {
                        return hash;
                    }
                }
            }
            return strings.of(value.toString());
        }

        private long value(RowData row, int i, LogicalType type) {
            return switch (type.getTypeRoot()) {
                case BIGINT -> row.getLong(i);
                case INTEGER, DATE, TIME_WITHOUT_TIME_ZONE -> row.getInt(i);
                case SMALLINT -> row.getShort(i);
                case TINYINT -> row.getByte(i);
                case BOOLEAN -> RowChecksum.ofBoolean(row.getBoolean(i));
                case DOUBLE -> RowChecksum.ofDouble(row.getDouble(i));
                case FLOAT -> RowChecksum.ofDouble(row.getFloat(i));
                case CHAR, VARCHAR -> string(row.getString(i));
                case DECIMAL -> {
                    DecimalType d = (DecimalType) type;
                    yield row.getDecimal(i, d.getPrecision(), d.getScale()).toUnscaledLong();
                }
                case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                        row.getTimestamp(i, precision(type)).getMillisecond();
                default -> throw new IllegalArgumentException("No checksum for " + type);
            };
        }

        private static int precision(LogicalType type) {
            return type instanceof TimestampType t ? t.getPrecision()
                    : ((org.apache.flink.table.types.logical.LocalZonedTimestampType) type).getPrecision();
        }

        @Override
        public void flush(boolean endOfInput) {
            if (endOfInput) {
                publish();
            }
        }

        @Override
        public void close() {
            publish();
        }

        private void publish() {
            if (!published) {
                published = true;
                SinkTotals.add(rows, checksum);
                SinkTotals.addLatencies(latency);
            }
        }
    }
}
