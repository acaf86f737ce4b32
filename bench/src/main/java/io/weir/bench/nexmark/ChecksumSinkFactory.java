package io.weir.bench.nexmark;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.Output;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;

/**
 * {@code 'connector' = 'checksum-blackhole'} in Weir: a blackhole sink that also adds every row's
 * {@link RowChecksum} to {@link SinkTotals}, a column at a time over each chunk (one {@code long[]} of running row
 * hashes per subtask, re-used; no per-row allocation), so the sink costs about what a real cheap sink would.
 */
public final class ChecksumSinkFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "checksum-blackhole";

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        return new ConnectorTable() {
            @Override
            public String tableName() {
                return spec.tableName();
            }

            @Override
            public boolean isBounded() {
                return true;
            }

            @Override
            public SourceFactory createSource() {
                throw WeirException.validation("Table '" + spec.tableName() + "' can only be written to");
            }

            @Override
            public OperatorFactory createSink() {
                return () -> new ChecksumSink(Latency.probeFor(spec.columnNames()));
            }

            @Override
            public boolean acceptsUpdates() {
                return true;
            }
        };
    }

    /** One subtask of the sink; adds its totals when its input ends (or, if it never does, when closed). */
    static final class ChecksumSink implements Operator {

        /** Null unless this is a throttled run and the rows carry a reference time. */
        private final LatencyProbe latency;
        private long[] hashes = new long[0];
        private final StringChecksum strings = new StringChecksum();
        private long rows;
        private long checksum;
        private boolean published;

        ChecksumSink(LatencyProbe latency) {
            this.latency = latency;
        }

        @Override
        public void processChunk(int input, Chunk chunk, Output out) {
            int n = chunk.size();
            if (latency != null) {
                // The chunk's rows arrive together; one clock read for all of them.
                LongVector times = (LongVector) chunk.column(latency.column());
                long now = System.currentTimeMillis();
                if (times.mayHaveNulls()) {
                    for (int r = 0; r < n; r++) {
                        if (!times.isNull(r)) {
                            latency.record(times.get(r), now);
                        }
                    }
                } else {
                    latency.record(times.values(), null, n, now);
                }
            }
            if (hashes.length < n) {
                hashes = new long[n];
            }
            long[] h = hashes;
            java.util.Arrays.fill(h, 0, n, RowChecksum.start());
            for (int c = 0; c < chunk.columnCount(); c++) {
                fold(chunk.column(c), h, n);
            }
            long sum = 0;
            byte[] kinds = chunk.rowKinds();
            if (kinds == null) {
                for (int r = 0; r < n; r++) {
                    sum += RowChecksum.finish(h[r]);
                }
                rows += n;
            } else {
                // An updating result is summed as the table it leaves: -U and -D take back what their row added.
                for (int r = 0; r < n; r++) {
                    boolean retract = kinds[r] == RETRACT_BEFORE || kinds[r] == RETRACT_DELETE;
                    sum += retract ? -RowChecksum.finish(h[r]) : RowChecksum.finish(h[r]);
                    rows += retract ? -1 : 1;
                }
            }
            checksum += sum;
        }

        private static final byte RETRACT_BEFORE = RowKind.UPDATE_BEFORE.code();
        private static final byte RETRACT_DELETE = RowKind.DELETE.code();

        private void fold(Vector column, long[] h, int n) {
            boolean nulls = column.mayHaveNulls();
            if (column instanceof LongVector v) {
                long[] values = v.values();
                for (int r = 0; r < n; r++) {
                    h[r] = RowChecksum.fold(h[r], nulls && v.isNull(r) ? RowChecksum.NULL : values[r]);
                }
            } else if (column instanceof StringVector v) {
                String[] values = v.values();
                for (int r = 0; r < n; r++) {
                    h[r] = RowChecksum.fold(h[r], nulls && v.isNull(r) ? RowChecksum.NULL : strings.of(values[r]));
                }
            } else if (column instanceof DoubleVector v) {
                double[] values = v.values();
                for (int r = 0; r < n; r++) {
                    h[r] = RowChecksum.fold(h[r], nulls && v.isNull(r) ? RowChecksum.NULL
                            : RowChecksum.ofDouble(values[r]));
                }
            } else {
                BooleanVector v = (BooleanVector) column;
                boolean[] values = v.values();
                for (int r = 0; r < n; r++) {
                    h[r] = RowChecksum.fold(h[r], nulls && v.isNull(r) ? RowChecksum.NULL
                            : RowChecksum.ofBoolean(values[r]));
                }
            }
        }

        @Override
        public void endInput(int input, Output out) {
            publish();
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
