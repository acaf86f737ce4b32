package io.weir.bench.jmh;

import io.weir.executor.api.Counter;
import io.weir.executor.api.Output;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.StateWriter;
import io.weir.executor.api.TimerService;
import io.weir.executor.checkpoint.StateOutput;
import io.weir.executor.checkpoint.SubtaskStateFile;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.join.StreamingJoinOperator;
import io.weir.executor.runtime.MetricRegistry;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * State snapshot: a checkpoint of q7's join state, bid-like rows (auction, price, bidder, date_time, an extra string
 * of 60-90 letters, as Nexmark pads bids) kept in time buckets, written the way a checkpoint I/O thread writes it
 * (the asynchronous part of the join's snapshot into a subtask state file). Milliseconds per snapshot; the rows per
 * second follow from {@code rows}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class JoinSnapshotBenchmark {

    private static final List<DataType> BID = List.of(DataType.BIGINT, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT, DataType.STRING);
    private static final int CHUNK = 1024;

    @Param({"1000000"})
    int rows;

    private StreamingJoinOperator join;
    private Path directory;
    private long checkpointId;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("weir-snapshot-bench");
        List<DataType> max = List.of(DataType.BIGINT, DataType.BIGINT);
        join = new StreamingJoinOperator(new int[] {1}, new int[] {0}, new boolean[] {false}, null, BID, max, -1, -1)
                .expireRows(0, 3, 10_000);
        join.open(new BenchContext());
        Output discard = new Output() {
            @Override
            public void emit(Chunk chunk) {
            }

            @Override
            public void emitWatermark(Watermark watermark) {
            }
        };
        SplittableRandom random = new SplittableRandom(42);
        char[] letters = new char[90];
        for (int from = 0; from < rows; from += CHUNK) {
            int size = Math.min(CHUNK, rows - from);
            LongVector auction = new LongVector(size);
            LongVector price = new LongVector(size);
            LongVector bidder = new LongVector(size);
            LongVector time = new LongVector(size);
            StringVector extra = new StringVector(size);
            for (int r = 0; r < size; r++) {
                long n = from + r;
                auction.set(r, 1000 + random.nextInt(10_000));
                price.set(r, 100 + random.nextInt(10_000_000));
                bidder.set(r, 1000 + random.nextInt(100_000));
                // 14 s of bids: what q7 keeps (its 10 s bound plus the watermark's delay).
                time.set(r, 1_436_918_400_000L + n * 14_000 / rows);
                int length = 60 + random.nextInt(31);
                for (int c = 0; c < length; c++) {
                    letters[c] = (char) ('a' + random.nextInt(26));
                }
                extra.set(r, new String(letters, 0, length));
            }
            join.processChunk(0, new Chunk(new Vector[] {auction, price, bidder, time, extra}, size), discard);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The serialization alone: the snapshot's bytes are counted and dropped. */
    @Benchmark
    public long snapshotDiscarded() throws IOException {
        long[] size = new long[1];
        StateOutput.BlockSink count = (bytes, length) -> size[0] += length;
        List<StateOutput> streams = new ArrayList<>();
        join.snapshotState(++checkpointId).writeTo(new StateWriter() {
            @Override
            public DataOutput keyGroup(int keyGroup) {
                StateOutput stream = new StateOutput(count);
                streams.add(stream);
                return stream;
            }

            @Override
            public DataOutput allKeyGroups() {
                return keyGroup(-1);
            }

            @Override
            public DataOutput operatorState() {
                return keyGroup(-1);
            }
        });
        for (StateOutput stream : streams) {
            stream.flush();
        }
        return size[0];
    }

    /** What a checkpoint's I/O thread does: the snapshot streamed into its subtask state file. */
    @Benchmark
    public long snapshotToFile() throws IOException {
        StateSnapshot snapshot = join.snapshotState(++checkpointId);
        try (SubtaskStateFile file = SubtaskStateFile.create(directory, 0, 0, Map.of())) {
            snapshot.writeTo(file);
            return file.size();
        }
    }

    /** Just what the join asks of its context. */
    private static final class BenchContext implements OperatorContext {
        private final MetricRegistry metrics = new MetricRegistry();

        @Override
        public String jobName() {
            return "bench";
        }

        @Override
        public String operatorName() {
            return "join";
        }

        @Override
        public boolean isCheckpointingEnabled() {
            return true;
        }

        @Override
        public int subtaskIndex() {
            return 0;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public int chunkSize() {
            return CHUNK;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public Counter counter(String name) {
            return metrics.counter(name);
        }

        @Override
        public TimerService timerService() {
            throw new UnsupportedOperationException("The join sets no timers");
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
