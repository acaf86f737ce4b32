package io.weir.bench.nexmark;

import io.weir.executor.api.Counter;
import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.TimerService;
import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.connector.nexmark.NexmarkConnectorFactory;
import java.time.Clock;
import java.util.Map;

/**
 * {@code 'connector' = 'nexmark'} in the harness's embedded Weir: the built-in generator, unchanged, except that in a
 * latency run ({@link Latency#isActive()}) each throttled reader is opened with {@link Latency#openingClock}, so all
 * subtasks pace themselves from one epoch the sinks know. In a throughput run it is the built-in connector.
 */
final class PacedNexmarkFactory implements ConnectorFactory {

    private final NexmarkConnectorFactory builtIn = new NexmarkConnectorFactory();

    @Override
    public String identifier() {
        return builtIn.identifier();
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        ConnectorTable table = builtIn.create(spec);
        String rate = spec.options().get("rows-per-second");
        if (!Latency.isActive() || rate == null) {
            return table;
        }
        double rowsPerSecond = Double.parseDouble(rate);
        return new ConnectorTable() {
            @Override
            public String tableName() {
                return table.tableName();
            }

            @Override
            public boolean isBounded() {
                return table.isBounded();
            }

            @Override
            public SourceFactory createSource() {
                SourceFactory source = table.createSource();
                return new SourceFactory() {
                    @Override
                    public SourceReader createReader(int subtaskIndex, int parallelism) {
                        return new PacedReader(source.createReader(subtaskIndex, parallelism), rowsPerSecond,
                                parallelism);
                    }

                    @Override
                    public boolean isBounded() {
                        return source.isBounded();
                    }
                };
            }
        };
    }

    /** The built-in reader, opened with the shared epoch's clock; everything else passes through. */
    private static final class PacedReader implements SourceReader {

        private final SourceReader reader;
        private final double rowsPerSecond;
        private final int parallelism;

        PacedReader(SourceReader reader, double rowsPerSecond, int parallelism) {
            this.reader = reader;
            this.rowsPerSecond = rowsPerSecond;
            this.parallelism = parallelism;
        }

        @Override
        public void open(OperatorContext context) throws Exception {
            StartClock clock = Latency.openingClock(rowsPerSecond, parallelism, context.chunkSize());
            reader.open(new ClockedContext(context, clock));
            clock.start();
        }

        @Override
        public int splitCount() {
            return reader.splitCount();
        }

        @Override
        public InputStatus pollNext(SourceOutput out) throws Exception {
            return reader.pollNext(out);
        }

        @Override
        public Map<String, byte[]> snapshotPositions() {
            return reader.snapshotPositions();
        }

        @Override
        public void restorePositions(Map<String, byte[]> positions) {
            reader.restorePositions(positions);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            reader.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }

    /** The task's context with another clock. */
    private record ClockedContext(OperatorContext context, Clock clock) implements OperatorContext {

        @Override
        public String jobName() {
            return context.jobName();
        }

        @Override
        public String operatorName() {
            return context.operatorName();
        }

        @Override
        public boolean isCheckpointingEnabled() {
            return context.isCheckpointingEnabled();
        }

        @Override
        public int subtaskIndex() {
            return context.subtaskIndex();
        }

        @Override
        public int parallelism() {
            return context.parallelism();
        }

        @Override
        public int chunkSize() {
            return context.chunkSize();
        }

        @Override
        public Counter counter(String name) {
            return context.counter(name);
        }

        @Override
        public TimerService timerService() {
            return context.timerService();
        }

        @Override
        public boolean isCancelled() {
            return context.isCancelled();
        }
    }
}
