package io.weir.server.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Vector;
import io.weir.server.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PagedResultBufferTest {

    private final LongAdder delivered = new LongAdder();

    private PagedResultBuffer buffer(int bufferRows, BufferPolicy policy, int pageRows) {
        return new PagedResultBuffer(List.of(DataType.BIGINT), new ResultOptions(bufferRows, policy, pageRows),
                delivered);
    }

    private static Chunk rows(long from, long to) {
        long[] values = LongStream.range(from, to).toArray();
        return new Chunk(new Vector[] {LongVector.wrap(values)}, values.length);
    }

    private static List<Long> values(ResultPage page) {
        List<Long> values = new ArrayList<>();
        for (RowSlice slice : page.rows()) {
            for (int row = slice.from(); row < slice.to(); row++) {
                values.add(slice.chunk().longColumn(0).get(row));
            }
        }
        return values;
    }

    @Test
    void whenRowsArriveBetweenFetches_thenEachPageHoldsWhatArrivedSinceThePreviousOne() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 100);
        buffer.collect(rows(0, 3));
        buffer.collect(rows(3, 5));

        ResultPage first = buffer.poll(0, false);
        buffer.collect(rows(5, 6));
        ResultPage second = buffer.poll(1, false);

        assertThat(values(first)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(first.nextToken()).isEqualTo(1);
        assertThat(first.eos()).isFalse();
        assertThat(values(second)).containsExactly(5L);
        assertThat(delivered.sum()).isEqualTo(6);
    }

    @Test
    void whenMoreRowsThanAPageHolds_thenPagesSplitChunksInOrder() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 4);
        buffer.collect(rows(0, 10));

        assertThat(values(buffer.poll(0, false))).containsExactly(0L, 1L, 2L, 3L);
        assertThat(values(buffer.poll(1, false))).containsExactly(4L, 5L, 6L, 7L);
        assertThat(values(buffer.poll(2, false))).containsExactly(8L, 9L);
    }

    @Test
    void whenNothingIsPending_thenPollWaitsUnlessAnEmptyPageIsAllowed() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);

        assertThat(buffer.poll(0, false)).isNull();
        ResultPage empty = buffer.poll(0, true);

        assertThat(empty.rows()).isEmpty();
        assertThat(empty.nextToken()).isEqualTo(1);
        assertThat(empty.eos()).isFalse();
    }

    @Test
    void whenTheSameTokenIsAskedAgain_thenTheSameRowsComeBack() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);
        buffer.collect(rows(0, 2));
        ResultPage first = buffer.poll(0, false);
        buffer.collect(rows(2, 4));

        assertThat(values(buffer.poll(0, false))).isEqualTo(values(first));
        assertThat(values(buffer.poll(1, false))).containsExactly(2L, 3L);
    }

    @Test
    void whenAnOlderTokenIsAsked_thenItIsReleased() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);
        buffer.collect(rows(0, 2));
        buffer.poll(0, false);
        buffer.poll(1, true);

        assertThatThrownBy(() -> buffer.poll(0, false)).isInstanceOf(ResultsReleasedException.class)
                .hasMessageContaining("continue from token 2");
    }

    @Test
    void whenATokenIsNotIssuedYet_thenBadRequest() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);

        assertThatThrownBy(() -> buffer.poll(3, true)).isInstanceOf(WeirException.class)
                .isNotInstanceOf(ResultsReleasedException.class).hasMessageContaining("next page is token 0");
    }

    @Test
    void whenRowsHaveChangeKinds_thenPagesKeepThem() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);
        byte[] kinds = {RowKind.UPDATE_BEFORE.code(), RowKind.UPDATE_AFTER.code()};
        buffer.collect(new Chunk(new Vector[] {LongVector.wrap(new long[] {1, 2})}, 2, kinds));

        RowSlice slice = buffer.poll(0, false).rows().get(0);

        assertThat(slice.chunk().rowKind(slice.from())).isEqualTo(RowKind.UPDATE_BEFORE);
        assertThat(slice.chunk().rowKind(slice.from() + 1)).isEqualTo(RowKind.UPDATE_AFTER);
    }

    @Test
    void whenTheBufferIsFullWithPolicyBlock_thenTheSinkWaitsUntilTheClientFetches() throws Exception {
        PagedResultBuffer buffer = buffer(10, BufferPolicy.BLOCK, 10);
        buffer.collect(rows(0, 8));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread sink = new Thread(() -> {
            try {
                buffer.collect(rows(8, 12));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        sink.start();
        Await.until("the sink blocks", () -> sink.getState() == Thread.State.WAITING);
        assertThat(buffer.stats().bufferedRows()).isEqualTo(8);

        assertThat(values(buffer.poll(0, false))).hasSize(8);
        ResultPage next = buffer.poll(1, true);
        sink.join(Await.GENEROUS.toMillis());

        assertThat(sink.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(next.rows()).isEmpty();
        assertThat(values(buffer.poll(2, false))).containsExactly(8L, 9L, 10L, 11L);
        assertThat(buffer.stats().droppedRows()).isZero();
    }

    @Test
    void whenTheSinkIsBlockedAndTheQueryEnds_thenTheSinkIsReleasedWithAnError() throws Exception {
        PagedResultBuffer buffer = buffer(4, BufferPolicy.BLOCK, 4);
        buffer.collect(rows(0, 4));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread sink = new Thread(() -> {
            try {
                buffer.collect(rows(4, 5));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        sink.start();
        Await.until("the sink blocks", () -> sink.getState() == Thread.State.WAITING);

        buffer.end(new ResultEnd("CANCELED", null));
        sink.join(Await.GENEROUS.toMillis());

        assertThat(failure.get()).isInstanceOf(WeirException.class);
    }

    @Test
    void whenTheBufferIsFullWithPolicyDropOldest_thenOldestPendingRowsGoAndTheNextPageCountsThem() {
        PagedResultBuffer buffer = buffer(5, BufferPolicy.DROP_OLDEST, 5);
        buffer.collect(rows(0, 4));
        buffer.collect(rows(4, 8));

        ResultPage page = buffer.poll(0, false);

        assertThat(values(page)).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(page.dropped()).isEqualTo(3);
        assertThat(buffer.stats().droppedRows()).isEqualTo(3);
    }

    @Test
    void whenTheRetainedPageFillsADropOldestBuffer_thenItIsReleasedBeforeAnyUndeliveredRow() {
        PagedResultBuffer buffer = buffer(5, BufferPolicy.DROP_OLDEST, 5);
        buffer.collect(rows(0, 5));
        buffer.poll(0, false);

        buffer.collect(rows(5, 7));

        ResultPage next = buffer.poll(1, false);
        assertThat(values(next)).containsExactly(5L, 6L);
        assertThat(next.dropped()).isZero();
        assertThatThrownBy(() -> buffer.poll(0, false)).isInstanceOf(ResultsReleasedException.class);
    }

    @Test
    void whenAChunkIsLargerThanTheBuffer_thenOnlyItsNewestRowsAreKept() {
        PagedResultBuffer buffer = buffer(3, BufferPolicy.DROP_OLDEST, 3);

        buffer.collect(rows(0, 10));

        ResultPage page = buffer.poll(0, false);
        assertThat(values(page)).containsExactly(7L, 8L, 9L);
        assertThat(page.dropped()).isEqualTo(7);
    }

    @Test
    void whenTheQueryFinishes_thenPendingRowsAreDeliveredAndTheLastPageSaysEos() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 2);
        buffer.collect(rows(0, 3));
        buffer.end(new ResultEnd("FINISHED", null));

        ResultPage first = buffer.poll(0, false);
        ResultPage last = buffer.poll(1, false);

        assertThat(first.eos()).isFalse();
        assertThat(values(last)).containsExactly(2L);
        assertThat(last.eos()).isTrue();
        assertThat(last.nextToken()).isNull();
        assertThat(last.end().state()).isEqualTo("FINISHED");
    }

    @Test
    void whenTheQueryIsCanceled_thenPendingRowsAreDroppedAndTheNextPageIsEos() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);
        buffer.collect(rows(0, 3));

        buffer.end(new ResultEnd("CANCELED", null));

        ResultPage page = buffer.poll(0, false);
        assertThat(page.rows()).isEmpty();
        assertThat(page.eos()).isTrue();
        assertThatThrownBy(() -> buffer.collect(rows(3, 4))).isInstanceOf(WeirException.class);
    }

    @Test
    void whenAListenerWaits_thenItRunsOnceWhenRowsArriveOrAtOnceIfTheyAreThere() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);
        AtomicInteger calls = new AtomicInteger();

        assertThat(buffer.listen(calls::incrementAndGet)).isTrue();
        assertThat(calls).hasValue(0);
        buffer.collect(rows(0, 1));
        buffer.collect(rows(1, 2));
        assertThat(calls).hasValue(1);

        assertThat(buffer.listen(calls::incrementAndGet)).isFalse();
        assertThat(calls).hasValue(2);
    }

    @Test
    void whenAListenerIsRemoved_thenItDoesNotRun() {
        PagedResultBuffer buffer = buffer(100, BufferPolicy.BLOCK, 10);
        AtomicInteger calls = new AtomicInteger();
        Runnable listener = calls::incrementAndGet;
        buffer.listen(listener);

        buffer.unlisten(listener);
        buffer.end(new ResultEnd("FINISHED", null));

        assertThat(calls).hasValue(0);
    }
}
