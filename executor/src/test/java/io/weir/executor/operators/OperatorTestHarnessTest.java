package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
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
}
