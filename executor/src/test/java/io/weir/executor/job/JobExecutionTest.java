package io.weir.executor.job;

import static io.weir.executor.job.JobTesting.awaitSuccess;
import static io.weir.executor.job.TestSources.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.Counter;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Watermark;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.api.KeyGroups;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End-to-end runs of small graphs: how rows, watermarks and end-of-input travel through chains and exchanges. */
class JobExecutionTest {

    private JobManager manager = new JobManager(RuntimeOptions.defaults());

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private static List<Long> range(long count) {
        return LongStream.range(0, count).boxed().toList();
    }

    @Test
    void whenVerticesAreJoinedByForwardEdges_thenTheyRunChainedOnTheSourceThreadAndAllRowsArrive() throws Exception {
        Recording map = new Recording();
        Recording sink = new Recording();
        TestSources.Sequence source = TestSources.sequence(1000, 64);
        JobGraph.Builder b = JobGraph.builder("chain");
        int src = b.addSource("src", 1, source, BIGINT);
        int mid = b.addOperator("map", 1, map.recorder(), 1, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, mid, 0, Partitioning.FORWARD).connect(mid, out, 0, Partitioning.FORWARD);

        Job job = manager.submit(b.build());
        awaitSuccess(job);

        assertThat(job.state()).isEqualTo(JobState.FINISHED);
        assertThat(sink.values()).containsExactlyElementsOf(range(1000));
        assertThat(map.threads).containsOnly("weir-task-chain-0-0");
        assertThat(sink.threads).containsOnly("weir-task-chain-0-0");
        assertThat(sink.endInputs).containsExactly(new Recording.Event(0, 0));
        assertThat(job.metrics()).containsEntry("src.records_out", 1000L)
                .containsEntry("map.records_out", 1000L)
                .containsEntry("sink.records_out", 1000L);
        assertThat(source.closed.get()).isEqualTo(1);
        assertThat(map.closed.get() + sink.closed.get()).isEqualTo(2);
    }

    @Test
    void whenRowsCrossAHashExchange_thenEveryKeyLandsInTheSubtaskOwningItsKeyGroupAndAllRowsArrive() throws Exception {
        Recording keyed = new Recording();
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("hash");
        int src = b.addSource("src", 1, TestSources.sequence(5000, 100).withValues(i -> i % 97), BIGINT);
        int mid = b.addOperator("keyed", 3, keyed.recorder(), 1, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, mid, 0, Partitioning.hash(0)).connect(mid, out, 0, Partitioning.SINGLE);

        awaitSuccess(manager.submit(b.build()));

        Map<Long, Set<Integer>> subtasksByKey = keyed.rows.stream().collect(Collectors.groupingBy(
                Recording.Row::value, Collectors.mapping(Recording.Row::subtask, Collectors.toSet())));
        assertThat(subtasksByKey).hasSize(97);
        subtasksByKey.forEach((key, subtasks) -> assertThat(subtasks).containsExactly(expectedSubtask(key, 3)));
        assertThat(keyed.rows.stream().map(Recording.Row::subtask).distinct()).hasSize(3);
        assertThat(sink.values()).hasSize(5000);
        assertThat(sink.endInputs).containsExactly(new Recording.Event(0, 0));
    }

    private static int expectedSubtask(long key, int parallelism) {
        LongVector vector = new LongVector(1);
        vector.set(0, key);
        int[] hash = new int[1];
        vector.hashInto(hash, 1);
        return KeyGroups.subtaskForHash(hash[0], parallelism);
    }

    @Test
    void whenAnEdgeBroadcasts_thenEveryConsumerSubtaskReceivesEveryRow() throws Exception {
        Recording consumers = new Recording();
        JobGraph.Builder b = JobGraph.builder("broadcast");
        int src = b.addSource("src", 2, TestSources.sequence(300, 7), BIGINT);
        int op = b.addOperator("all", 3, consumers.recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.BROADCAST);

        awaitSuccess(manager.submit(b.build()));

        for (int subtask = 0; subtask < 3; subtask++) {
            int s = subtask;
            assertThat(consumers.rows.stream().filter(r -> r.subtask() == s).map(Recording.Row::value).sorted())
                    .containsExactlyElementsOf(range(300));
        }
    }

    @Test
    void whenRebalancing_thenRowsSpreadOverConsumersAndNoneIsLostOrDuplicated() throws Exception {
        Recording consumers = new Recording();
        JobGraph.Builder b = JobGraph.builder("rebalance");
        int src = b.addSource("src", 1, TestSources.sequence(10_000, 1024), BIGINT);
        int op = b.addOperator("spread", 2, consumers.recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.REBALANCE);

        awaitSuccess(manager.submit(b.build()));

        assertThat(consumers.values()).containsExactlyInAnyOrderElementsOf(range(10_000));
        assertThat(consumers.rows.stream().map(Recording.Row::subtask).distinct()).hasSize(2);
    }

    @Test
    void whenTwoSourcesFeedInputZero_thenTheUnionArrivesAndEndInputIsCalledOnceAfterBoth() throws Exception {
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("union");
        int left = b.addSource("left", 1, TestSources.sequence(500, 50), BIGINT);
        int right = b.addSource("right", 2, TestSources.sequence(300, 40).withValues(i -> 10_000 + i), BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(left, out, 0, Partitioning.SINGLE).connect(right, out, 0, Partitioning.REBALANCE);

        awaitSuccess(manager.submit(b.build()));

        assertThat(sink.values()).hasSize(800)
                .containsAll(range(500))
                .containsAll(LongStream.range(10_000, 10_300).boxed().toList());
        assertThat(sink.endInputs).containsExactly(new Recording.Event(0, 0));
    }

    @Test
    void whenOneVertexFeedsTheSameInputTwice_thenEachEdgeDeliversItsOwnCopy() throws Exception {
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("self-union");
        int src = b.addSource("src", 1, TestSources.sequence(100, 10), BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, out, 0, Partitioning.REBALANCE).connect(src, out, 0, Partitioning.REBALANCE);

        awaitSuccess(manager.submit(b.build()));

        assertThat(sink.values()).hasSize(200);
        assertThat(sink.values().stream().distinct()).hasSize(100);
        assertThat(sink.endInputs).hasSize(1);
    }

    @Test
    void whenAnOperatorHasTwoInputs_thenEachInputDeliversItsRowsAndEndsOnce() throws Exception {
        Recording twoInputs = new Recording();
        JobGraph.Builder b = JobGraph.builder("two-inputs");
        int left = b.addSource("left", 2, TestSources.sequence(400, 30), BIGINT);
        int right = b.addSource("right", 1, TestSources.sequence(250, 20).withValues(i -> -i), BIGINT);
        int op = b.addOperator("binary", 1, twoInputs.recorder(), 2, BIGINT);
        b.connect(left, op, 0, Partitioning.SINGLE).connect(right, op, 1, Partitioning.SINGLE);

        awaitSuccess(manager.submit(b.build()));

        assertThat(twoInputs.values(0)).containsExactlyInAnyOrderElementsOf(range(400));
        assertThat(twoInputs.values(1)).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, 250).map(i -> -i).boxed().toList());
        assertThat(twoInputs.endInputs).containsExactlyInAnyOrder(new Recording.Event(0, 0), new Recording.Event(0, 1));
    }

    @Test
    void whenOneSourceFeedsBothInputsOfAJoinThroughTinyChannels_thenTheDiamondCompletesWithoutDeadlock()
            throws Exception {
        manager.close();
        manager = new JobManager(RuntimeOptions.defaults().withChannelCapacity(2).withChunkSize(16));
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("diamond");
        int src = b.addSource("src", 1, TestSources.sequence(20_000, 16), BIGINT);
        int join = b.addOperator("join", 2, BufferingJoin.factory(), 2, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, join, 0, Partitioning.hash(0))
                .connect(src, join, 1, Partitioning.hash(0))
                .connect(join, out, 0, Partitioning.SINGLE);

        awaitSuccess(manager.submit(b.build()));

        assertThat(sink.values()).containsExactlyInAnyOrderElementsOf(range(20_000));
    }

    @Test
    void whenSourcesEmitWatermarks_thenTheSinkSeesThemRiseAndEndWithMax() throws Exception {
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("watermarks");
        int src = b.addSource("src", 2, TestSources.sequence(2000, 50).withWatermarks(), BIGINT);
        int mid = b.addOperator("keyed", 3, new Recording().recorder(), 1, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, mid, 0, Partitioning.hash(0)).connect(mid, out, 0, Partitioning.SINGLE);

        awaitSuccess(manager.submit(b.build()));

        List<Long> seen = sink.watermarks.stream().map(Recording.Mark::timestamp).toList();
        assertThat(seen).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(Watermark.MAX.timestamp());
    }

    @Test
    void whenSourcesEmitNoWatermarks_thenEndOfInputStillDeliversMaxToEveryOperator() throws Exception {
        Recording keyed = new Recording();
        JobGraph.Builder b = JobGraph.builder("max-only");
        int src = b.addSource("src", 1, TestSources.sequence(10, 5), BIGINT);
        int op = b.addOperator("keyed", 2, keyed.recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.hash(0));

        awaitSuccess(manager.submit(b.build()));

        assertThat(keyed.watermarks).containsExactlyInAnyOrder(
                new Recording.Mark(0, Long.MAX_VALUE), new Recording.Mark(1, Long.MAX_VALUE));
    }

    @Test
    void whenHashSplittingMakesTinyPieces_thenConsumersReceiveFullChunks() throws Exception {
        manager.close();
        manager = new JobManager(RuntimeOptions.defaults().withChunkSize(100).withFlushIntervalMillis(3_600_000));
        Recording consumers = new Recording();
        JobGraph.Builder b = JobGraph.builder("coalesce");
        int src = b.addSource("src", 1, TestSources.sequence(2000, 3), BIGINT);
        int op = b.addOperator("keyed", 2, consumers.recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.hash(0));

        awaitSuccess(manager.submit(b.build()));

        assertThat(consumers.values()).hasSize(2000);
        for (int subtask = 0; subtask < 2; subtask++) {
            int s = subtask;
            List<Integer> sizes = consumers.chunks.stream().filter(c -> c.subtask() == s)
                    .map(Recording.ChunkSeen::size).toList();
            assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(100);
            assertThat(sizes.get(sizes.size() - 1)).isBetween(1, 100);
        }
    }

    @Test
    void whenAProducerGoesQuiet_thenItsPartialChunkIsFlushedAfterTheInterval() throws Exception {
        Recording sink = new Recording();
        TestSources.Sequence quiet = TestSources.sequence(3, 3).stallingAfter(3);
        JobGraph.Builder b = JobGraph.builder("flush");
        int src = b.addSource("src", 1, quiet, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, out, 0, Partitioning.REBALANCE);

        Job job = manager.submit(b.build());
        JobTesting.await("the three rows arrive", () -> sink.rows.size() == 3);

        assertThat(sink.values()).containsExactly(0L, 1L, 2L);
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        job.cancel();
    }

    @Test
    void whenOperatorsCountOnSeveralSubtasks_thenMetricsSumThemAndCountRecordsPerVertex() throws Exception {
        JobGraph.Builder b = JobGraph.builder("metrics");
        int src = b.addSource("src", 2, TestSources.sequence(1234, 100), BIGINT);
        int op = b.addOperator("count", 3, CountingOperator::new, 1, BIGINT);
        b.connect(src, op, 0, Partitioning.REBALANCE);

        Job job = manager.submit(b.build());
        awaitSuccess(job);

        assertThat(job.metrics()).containsEntry("rows_seen", 1234L)
                .containsEntry("src.records_out", 1234L)
                .containsEntry("count.records_out", 1234L);
    }

    /** Counts rows through a counter shared by its subtasks and forwards them. */
    private static final class CountingOperator implements Operator {
        private Counter rowsSeen;

        @Override
        public void open(OperatorContext context) {
            rowsSeen = context.counter("rows_seen");
        }

        @Override
        public void processChunk(int input, Chunk chunk, Output out) {
            rowsSeen.inc(chunk.size());
            out.emit(chunk);
        }
    }
}
