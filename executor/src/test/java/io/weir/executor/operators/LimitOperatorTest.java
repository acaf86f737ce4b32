package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitOperatorTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    private static List<List<Object>> numbers(int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    private static List<List<Object>> limit(long offset, long fetch, int rows) throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(new LimitOperator(offset, fetch))
                .input(TYPES).output(TYPES).open();
        h.pushRows(0, numbers(rows));
        return h.finish();
    }

    @Test
    void whenOffsetAndFetchCrossChunkBoundaries_thenExactlyThatWindowPasses() throws Exception {
        assertThat(limit(2, 5, 10)).containsExactly(row(3L), row(4L), row(5L), row(6L), row(7L));
    }

    @Test
    void whenNoFetch_thenEverythingAfterTheOffsetPasses() throws Exception {
        assertThat(limit(4, -1, 6)).containsExactly(row(5L), row(6L));
    }

    @Test
    void whenFetchExceedsTheInput_thenEveryRowPasses() throws Exception {
        assertThat(limit(0, 100, 4)).containsExactlyElementsOf(numbers(4));
    }

    @Test
    void whenFetchIsZeroOrOffsetIsBeyondTheInput_thenNothingPasses() throws Exception {
        assertThat(limit(0, 0, 5)).isEmpty();
        assertThat(limit(9, 3, 5)).isEmpty();
    }

    @Test
    void whenAWholeChunkIsInsideTheWindow_thenItIsForwardedAsIs() throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(new LimitOperator(0, 10)).input(TYPES).open();
        Chunk chunk = Chunks.of(TYPES, row(1L), row(2L));

        h.push(0, chunk);

        assertThat(h.chunks()).containsExactly(chunk);
    }

    @Test
    void whenTheFetchHasPassed_thenTheOperatorIsFinishedAndNotBefore() throws Exception {
        LimitOperator limit = new LimitOperator(1, 3);
        OperatorTestHarness h = OperatorTestHarness.forOperator(limit).input(TYPES).open();

        h.push(0, row(1L), row(2L), row(3L));
        assertThat(limit.isFinished()).isFalse();
        h.push(0, row(4L));
        assertThat(limit.isFinished()).isTrue();
        assertThat(new LimitOperator(0, -1).isFinished()).isFalse();
    }
}
