package io.weir.executor.job;

import static io.weir.executor.job.JobTesting.TIMEOUT_SECONDS;
import static io.weir.executor.job.JobTesting.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.Output;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.CheckpointConfig;
import io.weir.executor.checkpoint.CheckpointMetadata;
import io.weir.executor.checkpoint.CheckpointStorage;
import io.weir.executor.checkpoint.CheckpointingMode;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.runtime.FaultInjection;
import java.io.DataInput;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints through running jobs: barriers from several sources align at a task with three input channels, state
 * and positions reach the checkpoint directory, and after a failure the job resumes from the latest checkpoint so
 * that every row counts exactly once.
 */
class CheckpointingJobTest {

    private static final List<DataType> LONGS = List.of(DataType.BIGINT);
    private static final int ROWS_PER_SUBTASK = 2_000;

    @TempDir
    Path dir;

    private final JobManager manager = new JobManager();
    /** Rows the sources may still emit: the test paces them so checkpoints fall mid-stream. */
    private final AtomicLong permits = new AtomicLong();
    private final Totals totals = new Totals();

    @AfterEach
    void close() {
        FaultInjection.set(null);
        manager.close();
    }

    @Test
    void whenCheckpointsComplete_thenEachHasMetadataAndOnlyTheNewestAreRetained() throws Exception {
        Job job = manager.submit(graph("retain"), config(2));
        permits.set(1_500);
        await("rows flow", () -> totals.rows.get() > 0);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CheckpointMetadata metadata = job.triggerCheckpoint().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ids.add(metadata.checkpointId());
        }

        assertThat(ids).containsExactly(1L, 2L, 3L, 4L);
        assertThat(CheckpointStorage.completeCheckpoints(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("chk-3", "chk-4");
        CheckpointMetadata last = CheckpointStorage.readMetadata(dir.resolve("chk-4"));
        assertThat(last.vertices()).extracting(CheckpointMetadata.Vertex::name).containsExactly("a", "b", "sum", "sink");
        assertThat(Files.exists(dir.resolve("chk-4/v0-1.state"))).as("source a's subtask 1 positions").isTrue();
        await("the sum heard of checkpoint 4", () -> totals.completed.contains(4L));
        assertThat(job.checkpoints()).first().satisfies(s -> {
            assertThat(s.id()).isEqualTo(4);
            assertThat(s.status()).isEqualTo("COMPLETED");
            assertThat(s.sizeBytes()).isPositive();
        });
    }

    @Test
    void whenATaskFailsAfterACheckpoint_thenTheJobRestartsFromItAndCountsEveryRowOnce() throws Exception {
        Job job = manager.submit(graph("failover"), config(3));
        permits.set(1_500);
        await("part of the input", () -> permits.get() == 0 && totals.rows.get() == 1_500);
        job.triggerCheckpoint().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        totals.failAtRow.set(2_000);
        permits.set(1_000);
        await("the restart", () -> job.restartCount() == 1 && job.state() == JobState.RUNNING);
        permits.set(Long.MAX_VALUE / 2);
        job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        long rows = 3L * ROWS_PER_SUBTASK;
        assertThat(totals.result).containsExactly(rows, expectedSum());
        assertThat(job.state()).isEqualTo(JobState.FINISHED);
    }

    @Test
    void whenTheAsynchronousWriteFails_thenThatCheckpointFailsAndTheJobGoesOn() throws Exception {
        Job job = manager.submit(graph("async-failure"), config(3));
        permits.set(1_500);
        FaultInjection.set((point, task) -> {
            if (point == FaultInjection.Point.ASYNC_WRITE) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(() -> job.triggerCheckpoint().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WeirException.class)
                .hasMessageContaining("disk full");
        FaultInjection.set(null);
        // The failure was tolerated once (tolerable-failed-checkpoints 1): the next checkpoint completes.
        assertThat(job.triggerCheckpoint().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).checkpointId()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("chk-1"))).isFalse();
        permits.set(Long.MAX_VALUE / 2);
        job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(totals.result).containsExactly(3L * ROWS_PER_SUBTASK, expectedSum());
    }

    @Test
    void whenAJobStartsFromACheckpoint_thenItContinuesWhereThatCheckpointStood() throws Exception {
        Job first = manager.submit(graph("resume"), config(3));
        permits.set(1_500);
        await("part of the input", () -> totals.rows.get() == 1_500);
        Path savepoint = dir.resolve("savepoint");
        first.stopWithSavepoint(savepoint).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        first.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(first.state()).isEqualTo(JobState.FINISHED);
        assertThat(totals.result).as("a stopped job emits no final result").isEmpty();

        Totals fresh = new Totals();
        permits.set(Long.MAX_VALUE / 2);
        Job second = manager.submit(graph("resume", fresh), config(3).withRestoreFrom(savepoint));
        second.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(fresh.result).containsExactly(3L * ROWS_PER_SUBTASK, expectedSum());
        assertThat(fresh.rows.get()).as("rows read after the restore").isEqualTo(3L * ROWS_PER_SUBTASK - 1_500);
    }

    @Test
    void whenCheckpointsArePeriodic_thenTheyCompleteOnTheirOwnAndOperatorsSeeCheckpointingOn() throws Exception {
        CheckpointConfig periodic = new CheckpointConfig(50, 30_000, 0, 1, 0, CheckpointingMode.EXACTLY_ONCE, 3, dir);
        Job job = manager.submit(graph("periodic"), new JobConfig(periodic, new RestartStrategy.None(), null));
        permits.set(1_500);

        await("two periodic checkpoints", () -> totals.completed.size() >= 2);
        assertThat(job.latestCheckpoint()).isNotNull();
        assertThat(CheckpointStorage.completeCheckpoints(dir)).isNotEmpty();
        assertThat(totals.checkpointingSeen).containsOnly(true);
    }

    @Test
    void whenOneSourceHasReadAllItsInput_thenCheckpointsGoOnAndARestoreDoesNotReadItAgain() throws Exception {
        JobGraph.Builder b = JobGraph.builder("finished-source");
        int a = b.addSource("a", 2, new PacedSequence(0), LONGS);
        int quick = b.addSource("quick", 1, new PacedSequence(1_000_000, false), LONGS);
        int sum = b.addOperator("sum", 1, totals.summer(), 1, LONGS);
        int sink = b.addOperator("sink", 1, totals.sink(), 1, LONGS);
        b.connect(a, sum, 0, Partitioning.SINGLE).connect(quick, sum, 0, Partitioning.SINGLE)
                .connect(sum, sink, 0, Partitioning.FORWARD);
        Job job = manager.submit(b.build(), config(3));
        permits.set(1_000);
        await("the quick source's input and part of the rest", () -> totals.rows.get() == 3_000);
        await("the quick source's task has ended", () -> job.tasks().stream()
                .anyMatch(t -> t.name().endsWith("-1-0") && !t.isRunning()));

        job.triggerCheckpoint().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        totals.failAtRow.set(3_200);
        permits.set(500);
        await("the restart", () -> job.restartCount() == 1 && job.state() == JobState.RUNNING);
        permits.set(Long.MAX_VALUE / 2);
        job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(totals.result).containsExactly(3L * ROWS_PER_SUBTASK, expectedSum());
    }

    @Test
    void whenTheCheckpointToRestoreIsMissing_thenSubmitFailsWithAClearError() {
        assertThatThrownBy(() -> manager.submit(graph("missing"), config(3).withRestoreFrom(dir.resolve("nope"))))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("No complete checkpoint or savepoint at");
    }

    private JobConfig config(int retained) {
        CheckpointConfig checkpoints = new CheckpointConfig(0, 30_000, 0, 1, 1, CheckpointingMode.EXACTLY_ONCE,
                retained, dir);
        return new JobConfig(checkpoints, new RestartStrategy.FixedDelay(3, 10), null);
    }

    private JobGraph graph(String name) {
        return graph(name, totals);
    }

    /** Sources a (2 subtasks) and b (1) feed one summing task over three channels, so its barriers must align. */
    private JobGraph graph(String name, Totals into) {
        JobGraph.Builder b = JobGraph.builder(name);
        int a = b.addSource("a", 2, new PacedSequence(0), LONGS);
        int bb = b.addSource("b", 1, new PacedSequence(1_000_000), LONGS);
        int sum = b.addOperator("sum", 1, into.summer(), 1, LONGS);
        int sink = b.addOperator("sink", 1, into.sink(), 1, LONGS);
        b.connect(a, sum, 0, Partitioning.SINGLE).connect(bb, sum, 0, Partitioning.SINGLE)
                .connect(sum, sink, 0, Partitioning.FORWARD);
        return b.build();
    }

    private static long expectedSum() {
        long sum = 0;
        for (long base : new long[] {0, 100_000, 1_000_000}) {
            for (long i = 0; i < ROWS_PER_SUBTASK; i++) {
                sum += base + i;
            }
        }
        return sum;
    }

    /** What the summing operator saw, across attempts. */
    static final class Totals {
        final AtomicLong rows = new AtomicLong();
        final AtomicLong failAtRow = new AtomicLong(-1);
        final Queue<Long> completed = new ConcurrentLinkedQueue<>();
        final Queue<Boolean> checkpointingSeen = new ConcurrentLinkedQueue<>();
        final List<Long> result = new CopyOnWriteArrayList<>();

        OperatorFactory summer() {
            return () -> new Summer(this);
        }

        OperatorFactory sink() {
            return () -> (input, chunk, out) -> {
                for (int row = 0; row < chunk.size(); row++) {
                    result.add(chunk.longColumn(0).get(row));
                }
            };
        }
    }

    /** Counts and sums its input, keeps both as checkpointed state, and emits them at the end of its input. */
    private static final class Summer implements Operator {
        private final Totals totals;
        private long count;
        private long sum;

        Summer(Totals totals) {
            this.totals = totals;
        }

        @Override
        public void open(OperatorContext context) {
            totals.checkpointingSeen.add(context.isCheckpointingEnabled());
        }

        @Override
        public void processChunk(int input, Chunk chunk, Output out) {
            LongVector values = chunk.longColumn(0);
            for (int row = 0; row < chunk.size(); row++) {
                count++;
                sum += values.get(row);
                if (totals.rows.incrementAndGet() == totals.failAtRow.get()) {
                    throw new IllegalStateException("injected failure at row " + totals.failAtRow.get());
                }
            }
        }

        @Override
        public StateSnapshot snapshotState(long checkpointId) {
            long c = count;
            long s = sum;
            return writer -> {
                var out = writer.operatorState();
                out.writeLong(c);
                out.writeLong(s);
            };
        }

        @Override
        public void restoreState(StateReader state) throws Exception {
            for (DataInput in : state.operatorStates()) {
                count += in.readLong();
                sum += in.readLong();
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            totals.completed.add(checkpointId);
        }

        @Override
        public void endInput(int input, Output out) {
            out.emit(new Chunk(new Vector[] {LongVector.wrap(new long[] {count, sum})}, 2));
        }
    }

    /**
     * Subtask s emits {@code base + s * 100 000 + i} for i below {@link #ROWS_PER_SUBTASK}, ten rows per poll while
     * the test grants permits; its position is the next i.
     */
    private final class PacedSequence implements SourceFactory {
        private final long base;
        private final boolean paced;

        PacedSequence(long base) {
            this(base, true);
        }

        /** Unpaced, it emits its rows as fast as it is polled, permits or not. */
        PacedSequence(long base, boolean paced) {
            this.base = base;
            this.paced = paced;
        }

        @Override
        public boolean isBounded() {
            return false;
        }

        @Override
        public SourceReader createReader(int subtaskIndex, int parallelism) {
            String split = "seq-" + base + "-" + subtaskIndex;
            long first = base + subtaskIndex * 100_000L;
            return new SourceReader() {
                private long next;

                @Override
                public void restorePositions(Map<String, byte[]> positions) {
                    byte[] position = positions.get(split);
                    next = position == null ? 0 : ByteBuffer.wrap(position).getLong();
                }

                @Override
                public InputStatus pollNext(SourceOutput out) {
                    if (next == ROWS_PER_SUBTASK) {
                        return InputStatus.END_OF_INPUT;
                    }
                    int n = (int) Math.min(10, ROWS_PER_SUBTASK - next);
                    if (paced) {
                        long granted = permits.get();
                        n = (int) Math.min(n, granted);
                        if (n <= 0 || !permits.compareAndSet(granted, granted - n)) {
                            return InputStatus.NOTHING_AVAILABLE;
                        }
                    }
                    long[] values = new long[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = first + next + i;
                    }
                    next += n;
                    out.emit(new Chunk(new Vector[] {LongVector.wrap(values)}, n));
                    return InputStatus.MORE_AVAILABLE;
                }

                @Override
                public Map<String, byte[]> snapshotPositions() {
                    Map<String, byte[]> positions = new HashMap<>();
                    positions.put(split, ByteBuffer.allocate(8).putLong(next).array());
                    return positions;
                }
            };
        }
    }
}
