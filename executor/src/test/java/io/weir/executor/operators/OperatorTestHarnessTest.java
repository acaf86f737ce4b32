package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Watermark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness must catch operators that break the contract, or the other tests prove less than they claim. */
class OperatorTestHarnessTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    @Test
    void whenOperatorWritesIntoAnInputChunk_thenTheHarnessFails() throws Exception {
        Operator vandal = (input, chunk, out) -> chunk.longColumn(0).set(0, 99L);
        OperatorTestHarness h = OperatorTestHarness.forOperator(vandal).input(TYPES).open();

        h.push(0, row(1L));

        assertThatThrownBy(h::finish).isInstanceOf(AssertionError.class).hasMessageContaining("wrote into");
    }

    @Test
    void whenOperatorEmitsAChunkLargerThanTheChunkSize_thenTheHarnessFails() throws Exception {
        Chunk big = Chunks.of(TYPES, row(1L), row(2L), row(3L), row(4L));
        Operator flood = new Operator() {
            @Override
            public void processChunk(int input, Chunk chunk, Output out) {
            }

            @Override
            public void endInput(int input, Output out) {
                out.emit(big);
            }
        };
        OperatorTestHarness h = OperatorTestHarness.forOperator(flood).input(TYPES).open();

        assertThatThrownBy(h::finish).isInstanceOf(AssertionError.class).hasMessageContaining("exceeds");
    }

    @Test
    void whenRowsArePushed_thenTheyArriveInChunksOfTheConfiguredSize() throws Exception {
        Operator echo = (input, chunk, out) -> out.emit(chunk);
        OperatorTestHarness h = OperatorTestHarness.forOperator(echo).input(TYPES).chunkSize(2).open();

        h.push(0, row(1L), row(2L), row(3L));

        assertThat(h.chunks()).extracting(Chunk::size).containsExactly(2, 1);
        assertThat(h.finish()).containsExactly(row(1L), row(2L), row(3L));
    }

    @Test
    void whenProcessingTimeAdvances_thenDueTimersFireEarliestFirstAndLaterOnesWait() throws Exception {
        List<Long> fired = new ArrayList<>();
        Operator timed = new Operator() {
            @Override
            public void processChunk(int input, Chunk chunk, Output out) {
            }

            @Override
            public void onProcessingTime(long time, Output out) {
                fired.add(time);
            }
        };
        OperatorTestHarness h = OperatorTestHarness.forOperator(timed).input(TYPES).processingTime(100).open();
        h.context().registerProcessingTimeTimer(300);
        h.context().registerProcessingTimeTimer(150);
        h.context().registerProcessingTimeTimer(500);

        h.processingTime(300);

        assertThat(fired).containsExactly(150L, 300L);
        assertThat(h.context().currentProcessingTime()).isEqualTo(300);
        h.processingTime(1000);
        assertThat(fired).containsExactly(150L, 300L, 500L);
    }

    @Test
    void whenAWatermarkIsPushed_thenTheContextReportsItAndTheOutputKeepsEmissionOrder() throws Exception {
        Operator echo = (input, chunk, out) -> out.emit(chunk);
        OperatorTestHarness h = OperatorTestHarness.forOperator(echo).input(TYPES).open();

        h.push(0, row(1L)).watermark(42).push(0, row(2L));

        assertThat(h.context().currentWatermark()).isEqualTo(42);
        assertThat(h.elements()).hasSize(3).element(1).isEqualTo(new Watermark(42));
    }
}
