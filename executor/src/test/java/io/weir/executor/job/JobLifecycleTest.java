package io.weir.executor.job;

import static io.weir.executor.job.JobTesting.TIMEOUT_SECONDS;
import static io.weir.executor.job.JobTesting.awaitSuccess;
import static io.weir.executor.job.JobTesting.liveTaskThreads;
import static io.weir.executor.job.TestSources.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.Output;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.operators.LimitOperator;
import io.weir.executor.runtime.Task;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How jobs end: finishing, failing, being cancelled, and what they leave behind. */
class JobLifecycleTest {

    private final JobManager manager = new JobManager(RuntimeOptions.defaults().withChannelCapacity(4));

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /** Forwards chunks and fails with {@code failure} on the n-th one. */
    private static OperatorFactory failingAt(int chunkNumber, Exception failure) {
        return () -> new Operator() {
            private int seen;

            @Override
            public void processChunk(int input, Chunk chunk, Output out) throws Exception {
                if (++seen == chunkNumber) {
                    throw failure;
                }
                out.emit(chunk);
            }
        };
    }

    @Test
    void whenAnOperatorThrows_thenTheJobFailsWithThatExceptionAndStopsTheUnboundedSource() throws Exception {
        WeirException boom = WeirException.execution("Division by zero");
        TestSources.Sequence source = TestSources.unbounded(100);
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("failure");
        int src = b.addSource("src", 1, source, BIGINT);
        int op = b.addOperator("fails", 2, failingAt(50, boom), 1, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.REBALANCE).connect(op, out, 0, Partitioning.REBALANCE);

        Job job = manager.submit(b.build());

        assertThatThrownBy(() -> job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isSameAs(boom);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure()).isSameAs(boom);
        assertThat(source.closed.get()).isEqualTo(1);
        assertThat(sink.closed.get()).isEqualTo(1);
        assertThat(liveTaskThreads("failure")).isEmpty();
    }

    @Test
    void whenAChainedOperatorThrowsACheckedException_thenTheJobReportsThatExceptionItself() throws Exception {
        IOException broken = new IOException("disk gone");
        JobGraph.Builder b = JobGraph.builder("checked-failure");
        int src = b.addSource("src", 1, TestSources.sequence(1000, 10), BIGINT);
        int op = b.addOperator("fails", 1, failingAt(3, broken), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.FORWARD);

        Job job = manager.submit(b.build());

        assertThatThrownBy(() -> job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause().isSameAs(broken);
        assertThat(job.failure()).isSameAs(broken);
    }

    @Test
    void whenTheFailureWrapsAWeirException_thenCallersSeeTheWeirException() throws Exception {
        WeirException cause = WeirException.execution("Bad CSV field 'x' in column 2");
        JobGraph.Builder b = JobGraph.builder("wrapped-failure");
        int src = b.addSource("src", 1, TestSources.sequence(100, 10), BIGINT);
        int op = b.addOperator("fails", 2, failingAt(1, new IllegalStateException("wrapper", cause)), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.REBALANCE);

        Job job = manager.submit(b.build());

        assertThatThrownBy(() -> job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).cause().isSameAs(cause);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void whenCancelled_thenAnUnboundedJobStopsClosesEverythingAndCompletesWithCancellation() throws Exception {
        TestSources.Sequence source = TestSources.unbounded(64);
        Recording keyed = new Recording();
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("cancel");
        int src = b.addSource("src", 2, source, BIGINT);
        int op = b.addOperator("keyed", 3, keyed.recorder(), 1, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.hash(0)).connect(op, out, 0, Partitioning.SINGLE);
        Job job = manager.submit(b.build());
        JobTesting.await("rows reach the sink", () -> sink.rows.size() > 1000);

        job.cancel();

        CompletableFuture<Void> completion = job.completion();
        assertThatThrownBy(() -> completion.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);
        assertThat(completion.isCancelled()).isTrue();
        assertThat(job.state()).isEqualTo(JobState.CANCELED);
        assertThat(job.failure()).isNull();
        assertThat(source.closed.get()).isEqualTo(2);
        assertThat(keyed.closed.get()).isEqualTo(3);
        assertThat(sink.closed.get()).isEqualTo(1);
        assertThat(liveTaskThreads("cancel")).isEmpty();
    }

    @Test
    void whenABoundedJobCompletes_thenNoTaskThreadIsLeftAndEveryOperatorWasOpenedAndClosedOnce() throws Exception {
        TestSources.Sequence source = TestSources.sequence(10_000, 100);
        Recording ops = new Recording();
        JobGraph.Builder b = JobGraph.builder("no-leaks");
        int src = b.addSource("src", 3, source, BIGINT);
        int mid = b.addOperator("mid", 3, ops.recorder(), 1, BIGINT);
        int keyed = b.addOperator("keyed", 2, ops.recorder(), 1, BIGINT);
        b.connect(src, mid, 0, Partitioning.FORWARD).connect(mid, keyed, 0, Partitioning.hash(0));

        Job job = manager.submit(b.build());
        awaitSuccess(job);

        assertThat(liveTaskThreads("no-leaks")).isEmpty();
        assertThat(job.state()).isEqualTo(JobState.FINISHED);
        assertThat(source.opened.get()).isEqualTo(3);
        assertThat(source.closed.get()).isEqualTo(3);
        assertThat(ops.opened.get()).isEqualTo(5);
        assertThat(ops.closed.get()).isEqualTo(5);
        assertThat(manager.runningJobs()).isEmpty();
    }

    @Test
    void whenTheManagerCloses_thenItCancelsRunningJobsAndWaitsForTheirThreads() throws Exception {
        JobManager own = new JobManager(RuntimeOptions.defaults());
        JobGraph.Builder b = JobGraph.builder("manager-close");
        int src = b.addSource("src", 2, TestSources.unbounded(10), BIGINT);
        int op = b.addOperator("sink", 1, new Recording().recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.REBALANCE);
        Job job = own.submit(b.build());

        own.close();

        assertThat(job.state()).isEqualTo(JobState.CANCELED);
        assertThat(job.completion()).isCompletedExceptionally();
        assertThat(liveTaskThreads("manager-close")).isEmpty();
        assertThatThrownBy(() -> own.submit(b.build())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenALimitOverAnUnboundedSourceHasItsRows_thenTheJobFinishesAndStopsTheSources() throws Exception {
        TestSources.Sequence source = TestSources.unbounded(64);
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("limit-ends");
        int src = b.addSource("src", 2, source, BIGINT);
        int limit = b.addOperator("limit", 1, () -> new LimitOperator(0, 100), 1, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, limit, 0, Partitioning.SINGLE).connect(limit, out, 0, Partitioning.FORWARD);

        Job job = manager.submit(b.build());
        awaitSuccess(job);

        assertThat(job.state()).isEqualTo(JobState.FINISHED);
        assertThat(sink.rows).hasSize(100);
        assertThat(sink.watermarkValues()).containsExactly(Long.MAX_VALUE);
        assertThat(sink.endInputs).hasSize(1);
        assertThat(source.closed.get()).isEqualTo(2);
        assertThat(liveTaskThreads("limit-ends")).isEmpty();
    }

    @Test
    void whenAFinishedLimitIsChainedToTheSource_thenTheSourceTaskEndsAndTheJobFinishes() throws Exception {
        TestSources.Sequence source = TestSources.unbounded(10);
        Recording sink = new Recording();
        JobGraph.Builder b = JobGraph.builder("chained-limit");
        int src = b.addSource("src", 1, source, BIGINT);
        int limit = b.addOperator("limit", 1, () -> new LimitOperator(5, 25), 1, BIGINT);
        int out = b.addOperator("sink", 1, sink.recorder(), 1, BIGINT);
        b.connect(src, limit, 0, Partitioning.FORWARD).connect(limit, out, 0, Partitioning.FORWARD);

        Job job = manager.submit(b.build());
        awaitSuccess(job);

        assertThat(job.state()).isEqualTo(JobState.FINISHED);
        assertThat(sink.values()).containsExactlyElementsOf(LongStream.range(5, 30).boxed().toList());
        assertThat(sink.endInputs).hasSize(1);
        assertThat(source.closed.get()).isEqualTo(1);
        assertThat(liveTaskThreads("chained-limit")).isEmpty();
    }

    @Test
    void whenCancelledAfterFinishing_thenTheJobStaysFinished() throws Exception {
        JobGraph.Builder b = JobGraph.builder("late-cancel");
        b.addSource("src", 1, TestSources.sequence(10, 10), BIGINT);
        Job job = manager.submit(b.build());
        awaitSuccess(job);

        job.cancel();

        assertThat(job.state()).isEqualTo(JobState.FINISHED);
        assertThat(job.completion()).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void whenAForwardEdgeJoinsDifferentParallelisms_thenSubmitRejectsTheGraph() {
        JobGraph.Builder b = JobGraph.builder("bad");
        int src = b.addSource("src", 2, TestSources.sequence(10, 10), BIGINT);
        int op = b.addOperator("op", 3, new Recording().recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.FORWARD);

        assertThatThrownBy(() -> manager.submit(b.build()))
                .isInstanceOfSatisfying(WeirException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL))
                .hasMessageContaining("FORWARD");
    }

    @Test
    void whenAnActionIsPutInATaskMailbox_thenItRunsOnTheTaskThread() throws Exception {
        JobGraph.Builder b = JobGraph.builder("mailbox");
        int src = b.addSource("src", 1, TestSources.sequence(1, 1).stallingAfter(1), BIGINT);
        int op = b.addOperator("op", 1, new Recording().recorder(), 1, BIGINT);
        b.connect(src, op, 0, Partitioning.REBALANCE);
        Job job = manager.submit(b.build());

        for (Task task : job.tasks()) {
            CompletableFuture<String> ranOn = new CompletableFuture<>();
            task.mailbox().submit(() -> ranOn.complete(Thread.currentThread().getName()));
            assertThat(ranOn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(task.name());
        }
        job.cancel();
    }
}
