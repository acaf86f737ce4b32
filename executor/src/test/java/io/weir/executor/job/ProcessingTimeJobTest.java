package io.weir.executor.job;

import static io.weir.executor.job.JobTesting.TIMEOUT_SECONDS;
import static io.weir.executor.job.JobTesting.await;
import static io.weir.executor.job.JobTesting.liveTaskThreads;
import static io.weir.executor.job.SplitSource.TIMESTAMPS;
import static io.weir.executor.testing.TimestampEvaluators.boundedOutOfOrderness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.testing.ManualClock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Processing-time timers and each operator's view of time inside running jobs, driven by a test clock. */
class ProcessingTimeJobTest {

    private static final long START = 1_700_000_000_000L;

    private final ManualClock clock = new ManualClock(START);
    private final JobManager manager = new JobManager(RuntimeOptions.defaults().withClock(clock));

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /** What a {@link TimerOperator} saw, from whichever thread ran it. */
    private static final class Timers {
        final Queue<Long> fired = new ConcurrentLinkedQueue<>();
        final Queue<String> firingThreads = new ConcurrentLinkedQueue<>();
        final Queue<String> chunkThreads = new ConcurrentLinkedQueue<>();
        final Queue<Long> rows = new ConcurrentLinkedQueue<>();
    }

    /**
     * Forwards rows; on the first row registers a timer {@code delay} ms ahead, twice; when it fires, emits one
     * row holding the timer's time.
     */
    private static OperatorFactory timerOperator(Timers timers, long delay) {
        return () -> new Operator() {
            private OperatorContext context;
            private boolean registered;

            @Override
            public void open(OperatorContext ctx) {
                context = ctx;
            }

            @Override
            public void processChunk(int input, Chunk chunk, Output out) {
                timers.chunkThreads.add(Thread.currentThread().getName());
                // Registers before recording the rows: a test that saw a row may move the clock at once.
                if (!registered) {
                    registered = true;
                    long at = context.timerService().currentProcessingTime() + delay;
                    context.timerService().registerProcessingTimeTimer(at);
                    context.timerService().registerProcessingTimeTimer(at);
                }
                for (int row = 0; row < chunk.size(); row++) {
                    timers.rows.add(chunk.longColumn(0).get(row));
                }
                out.emit(chunk);
            }

            @Override
            public void onProcessingTime(long time, Output out) {
                timers.fired.add(time);
                timers.firingThreads.add(Thread.currentThread().getName());
                out.emit(new Chunk(new Vector[] {LongVector.wrap(new long[] {time})}, 1));
            }
        };
    }

    @Test
    void whenTheClockPassesATimer_thenItFiresOnceOnTheTaskThreadAndItsRowsFlowOn() throws Exception {
        SplitSource source = new SplitSource(1);
        Timers timers = new Timers();
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("timer");
        int src = b.addSource("events", 1, source, TIMESTAMPS);
        int pass = b.addOperator("pass", 1, new Recording().recorder(), 1, TIMESTAMPS);
        int timed = b.addOperator("timed", 1, timerOperator(timers, 500), 1, TIMESTAMPS);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, TIMESTAMPS);
        b.connect(src, pass, 0, Partitioning.REBALANCE)
                .connect(pass, timed, 0, Partitioning.FORWARD)
                .connect(timed, out, 0, Partitioning.FORWARD);
        manager.submit(b.build());

        source.emit(0, 0, 1);
        await("the first row", () -> timers.rows.contains(1L));
        clock.advance(499);
        source.emit(0, 0, 2);
        await("the second row", () -> sink.values().contains(2L));
        assertThat(timers.fired).as("one millisecond early").isEmpty();

        clock.advance(1);
        await("the timer", () -> !timers.fired.isEmpty());
        source.emit(0, 0, 3);
        await("a later row", () -> sink.values().contains(3L));

        assertThat(timers.fired).containsExactly(START + 500);
        assertThat(timers.firingThreads).containsExactly(timers.chunkThreads.peek());
        assertThat(timers.chunkThreads).containsOnly("weir-task-timer-1-0");
        assertThat(sink.values()).containsExactly(1L, 2L, START + 500, 3L);
    }

    @Test
    void whenATimerOperatorIsChainedBehindASource_thenTheSourceLoopFiresIt() throws Exception {
        SplitSource source = new SplitSource(1);
        Timers timers = new Timers();
        JobGraph.Builder b = JobGraph.builder("source-timer");
        int src = b.addSource("events", 1, source, TIMESTAMPS);
        int timed = b.addOperator("timed", 1, timerOperator(timers, 10_000), 1, TIMESTAMPS);
        b.connect(src, timed, 0, Partitioning.FORWARD);
        manager.submit(b.build());
        source.emit(0, 0, 1);
        await("the row", () -> timers.rows.contains(1L));

        clock.advance(60_000);

        await("the timer", () -> !timers.fired.isEmpty());
        assertThat(timers.fired).containsExactly(START + 10_000);
        assertThat(timers.firingThreads).containsExactly("weir-task-source-timer-0-0");
    }

    @Test
    void whenChainedOperatorsSeeDifferentWatermarks_thenEachHasItsOwnCurrentWatermark() throws Exception {
        SplitSource source = new SplitSource(1);
        Queue<long[]> holdBackSaw = new ConcurrentLinkedQueue<>();
        Queue<long[]> probeSaw = new ConcurrentLinkedQueue<>();
        JobGraph.Builder b = JobGraph.builder("current-watermark");
        int src = b.addSource("events", 1, source, boundedOutOfOrderness(0, 0, 0, 0), TIMESTAMPS);
        int hold = b.addOperator("holdBack", 1, watermarkProbe(holdBackSaw, 1000), 1, TIMESTAMPS);
        int probe = b.addOperator("probe", 1, watermarkProbe(probeSaw, 0), 1, TIMESTAMPS);
        b.connect(src, hold, 0, Partitioning.FORWARD).connect(hold, probe, 0, Partitioning.FORWARD);
        manager.submit(b.build());

        source.emit(0, 0, 5000);
        await("the probe's watermark", () -> !probeSaw.isEmpty());

        // Each entry: the watermark delivered, and the operator's currentWatermark() while handling it.
        assertThat(holdBackSaw).containsExactly(new long[] {5000, 5000});
        assertThat(probeSaw).containsExactly(new long[] {4000, 4000});
    }

    /** Records each watermark with its own current watermark, and forwards it {@code holdBack} ms lower. */
    private static OperatorFactory watermarkProbe(Queue<long[]> saw, long holdBack) {
        return () -> new Operator() {
            private OperatorContext context;

            @Override
            public void open(OperatorContext ctx) {
                context = ctx;
            }

            @Override
            public void processChunk(int input, Chunk chunk, Output out) {
                out.emit(chunk);
            }

            @Override
            public void processWatermark(Watermark watermark, Output out) {
                saw.add(new long[] {watermark.timestamp(), context.timerService().currentWatermark()});
                out.emitWatermark(new Watermark(watermark.timestamp() - holdBack));
            }
        };
    }

    @Test
    void whenAnUnboundedJobIsCancelled_thenItStopsFreesItsThreadsAndDropsItsTimers() throws Exception {
        SplitSource source = new SplitSource(1, 1);
        Timers timers = new Timers();
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("cancel-streaming");
        int src = b.addSource("events", 2, source, boundedOutOfOrderness(0, 0, 200, 1000), TIMESTAMPS);
        int timed = b.addOperator("timed", 2, timerOperator(timers, 5_000), 1, TIMESTAMPS);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, TIMESTAMPS);
        b.connect(src, timed, 0, Partitioning.hash(0)).connect(timed, out, 0, Partitioning.SINGLE);
        Job job = manager.submit(b.build());
        source.emit(0, 0, 10, 20).emit(1, 0, 30);
        await("rows reach the sink", () -> sink.values().size() == 3);

        job.cancel();

        assertThatThrownBy(() -> job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);
        assertThat(job.state()).isEqualTo(JobState.CANCELED);
        assertThat(liveTaskThreads("cancel-streaming")).isEmpty();
        assertThat(source.closed.get()).isEqualTo(2);
        assertThat(sink.closed.get()).isEqualTo(1);
        clock.advance(10_000);
        assertThat(timers.fired).isEmpty();
        assertThat(List.copyOf(timers.rows)).containsExactlyInAnyOrder(10L, 20L, 30L);
    }
}
