package io.weir.executor.job;

import static io.weir.executor.job.JobTesting.await;
import static io.weir.executor.job.JobTesting.awaitSuccess;
import static io.weir.executor.job.SplitSource.TIMESTAMPS;
import static io.weir.executor.testing.TimestampEvaluators.boundedOutOfOrderness;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Event time end to end: watermarks derived per split in source tasks, idle splits and idle subtasks, and how
 * both cross exchanges. The clock is a test's, so idle timeouts pass only when the test moves it.
 */
class EventTimeJobTest {

    private static final long START = 1_700_000_000_000L;
    /** Emit after every chunk, never idle. */
    private static final WatermarkStrategy EAGER = boundedOutOfOrderness(0, 0, 0, 0);
    /** Emit after every chunk; a split without rows for 1 s of the clock is idle. */
    private static final WatermarkStrategy IDLE_AFTER_1S = boundedOutOfOrderness(0, 0, 0, 1000);

    private final ManualClock clock = new ManualClock(START);
    private final JobManager manager = new JobManager(RuntimeOptions.defaults().withClock(clock));

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void whenSplitsAdvanceAtDifferentSpeeds_thenTheWatermarkIsTheMinimumOverSplitsOfEachSplitsMaximum()
            throws Exception {
        SplitSource source = new SplitSource(2);
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("per-split");
        int src = b.addSource("events", 1, source, boundedOutOfOrderness(0, 100, 0, 0), TIMESTAMPS);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, TIMESTAMPS);
        b.connect(src, out, 0, Partitioning.REBALANCE);
        Job job = manager.submit(b.build());

        source.emit(0, 0, 500, 1100, 700).emit(0, 1, 400);
        await("the slower split's watermark", () -> sink.lastWatermark() == 300);
        source.emit(0, 1, 2000);
        await("the faster split now holds it back", () -> sink.lastWatermark() == 1000);
        source.end(0);
        awaitSuccess(job);

        assertThat(sink.watermarkValues()).containsExactly(300L, 1000L, Long.MAX_VALUE);
        assertThat(sink.values()).containsExactly(500L, 1100L, 700L, 400L, 2000L);
    }

    @Test
    void whenASplitStaysSilentForTheIdleTimeout_thenItStopsHoldingTheWatermarkBack() throws Exception {
        SplitSource source = new SplitSource(2);
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("idle-split");
        int src = b.addSource("events", 1, source, IDLE_AFTER_1S, TIMESTAMPS);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, TIMESTAMPS);
        b.connect(src, out, 0, Partitioning.FORWARD);
        manager.submit(b.build());
        source.emit(0, 0, 5000).emit(0, 1, 100);
        await("the silent split's watermark", () -> sink.lastWatermark() == 100);

        clock.advance(999);
        source.emit(0, 0, 6000);
        await("the next row", () -> sink.values().contains(6000L));
        assertThat(sink.watermarkValues()).as("not idle yet").containsExactly(100L);

        clock.advance(1);
        await("split 1 is idle", () -> sink.lastWatermark() == 6000);
        assertThat(sink.watermarkValues()).containsExactly(100L, 6000L);
    }

    @Test
    void whenEveryUpstreamSubtaskIsIdle_thenIdleCrossesExchangesAndActiveBringsTheChannelsBack() throws Exception {
        // slow (p1) --hash--> mid (p2) --hash--> join input 0; fast (p1) --rebalance--> join input 1.
        SplitSource slow = new SplitSource(1);
        SplitSource fast = new SplitSource(1);
        Recording mid = new Recording();
        Recording join = new Recording();
        JobGraph.Builder b = JobGraph.builder("idle-exchange");
        int slowSrc = b.addSource("slow", 1, slow, IDLE_AFTER_1S, TIMESTAMPS);
        int midOp = b.addOperator("mid", 2, mid.recorder(), 1, TIMESTAMPS);
        int fastSrc = b.addSource("fast", 1, fast, EAGER, TIMESTAMPS);
        int joinOp = b.addOperator("join", 1, join.recorder(), 2, TIMESTAMPS);
        b.connect(slowSrc, midOp, 0, Partitioning.hash(0))
                .connect(midOp, joinOp, 0, Partitioning.hash(0))
                .connect(fastSrc, joinOp, 1, Partitioning.REBALANCE);
        Job job = manager.submit(b.build());

        slow.emit(0, 0, 100);
        fast.emit(0, 0, 5000);
        await("both inputs decide", () -> join.lastWatermark() == 100);

        clock.advance(1000);
        await("the idle slow side no longer holds the join back", () -> join.lastWatermark() == 5000);
        assertThat(statsOf(job, "mid").watermark()).as("mid itself stays where it was").isEqualTo(100);

        slow.emit(0, 0, 300);
        await("the slow side's row", () -> join.values(0).contains(300L));
        fast.emit(0, 0, 6000).emit(0, 0, 6001);
        await("the fast side's watermark 6000, which precedes row 6001", () -> join.values(1).contains(6001L));
        assertThat(join.lastWatermark()).as("the slow side is active again and holds the join at 5000")
                .isEqualTo(5000);

        slow.emit(0, 0, 7000);
        await("the slow side caught up", () -> join.lastWatermark() == 6001);
        assertThat(join.watermarkValues()).containsExactly(100L, 5000L, 6001L);
    }

    @Test
    void whenASourceSubtaskHasNoSplits_thenItNeverHoldsDownstreamBack() throws Exception {
        SplitSource source = new SplitSource(1, 0);
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("no-splits");
        int src = b.addSource("events", 2, source, EAGER, TIMESTAMPS);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, TIMESTAMPS);
        b.connect(src, out, 0, Partitioning.SINGLE);
        manager.submit(b.build());

        source.emit(0, 0, 42);

        await("subtask 0 alone decides", () -> sink.lastWatermark() == 42);
    }

    @Test
    void whenRowsFlow_thenVertexStatsCountThemAndReportTheForwardedWatermarks() throws Exception {
        SplitSource source = new SplitSource(1, 1);
        Recording keyed = new Recording();
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("stats");
        int src = b.addSource("events", 2, source, EAGER, TIMESTAMPS);
        int op = b.addOperator("keyed", 3, keyed.recorder(), 1, TIMESTAMPS);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, TIMESTAMPS);
        b.connect(src, op, 0, Partitioning.hash(0)).connect(op, out, 0, Partitioning.SINGLE);
        Job job = manager.submit(b.build());
        assertThat(job.vertexStats()).extracting(VertexStats::watermark).containsOnly(Long.MIN_VALUE);

        source.emit(0, 0, 10, 20, 30).emit(1, 0, 400, 500);
        await("the sink's watermark", () -> statsOf(job, "sink").watermark() == 30);

        assertThat(job.vertexStats()).containsExactly(
                new VertexStats("events", 2, 0, 5, 30),
                new VertexStats("keyed", 3, 5, 5, 30),
                new VertexStats("sink", 1, 5, 5, 30));
        source.end(0).end(1);
        awaitSuccess(job);
        assertThat(job.vertexStats()).extracting(VertexStats::watermark).containsOnly(Long.MAX_VALUE);
        assertThat(job.metrics()).containsEntry("keyed.records_out", 5L);
    }

    @Test
    void whenVerticesAreChained_thenEachReportsItsOwnRowsIn() throws Exception {
        Recording first = new Recording();
        Recording second = new Recording();
        JobGraph.Builder b = JobGraph.builder("chained-stats");
        int src = b.addSource("numbers", 1, TestSources.sequence(1000, 64), TestSources.BIGINT);
        int a = b.addOperator("first", 1, first.recorder(), 1, TestSources.BIGINT);
        int c = b.addOperator("second", 1, second.recorder(), 1, TestSources.BIGINT);
        b.connect(src, a, 0, Partitioning.FORWARD).connect(a, c, 0, Partitioning.FORWARD);

        Job job = manager.submit(b.build());
        awaitSuccess(job);

        assertThat(job.vertexStats()).containsExactly(
                new VertexStats("numbers", 1, 0, 1000, Long.MAX_VALUE),
                new VertexStats("first", 1, 1000, 1000, Long.MAX_VALUE),
                new VertexStats("second", 1, 1000, 1000, Long.MAX_VALUE));
    }

    private static VertexStats statsOf(Job job, String vertex) {
        return job.vertexStats().stream().filter(s -> s.name().equals(vertex)).findFirst().orElseThrow();
    }
}
