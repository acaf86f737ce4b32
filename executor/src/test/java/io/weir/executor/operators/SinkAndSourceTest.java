package io.weir.executor.operators;

import io.weir.executor.testing.FakeOperatorContext;
import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Watermark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkAndSourceTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING);

    @Test
    void whenSinkReceivesChunks_thenNonEmptyOnesReachTheCollectorAndNothingIsEmitted() throws Exception {
        List<Chunk> collected = new ArrayList<>();
        OperatorTestHarness h = OperatorTestHarness.forOperator(new CollectSinkOperator(collected::add))
                .input(TYPES).open();
        Chunk first = Chunks.of(TYPES, row(1L, "a"));
        Chunk second = Chunks.of(TYPES, row(2L, null), row(3L, "c"));

        h.push(0, first).push(0, Chunk.empty(TYPES)).push(0, second);

        assertThat(h.finish()).isEmpty();
        assertThat(collected).containsExactly(first, second);
    }

    @Test
    void whenValuesSourceRunsAtParallelismTwo_thenSubtaskZeroEmitsAllRowsInBoundedChunks() throws Exception {
        Chunk rows = Chunks.of(TYPES, row(1L, "a"), row(2L, "b"), row(3L, null), row(4L, "d"), row(5L, "e"));
        ValuesSourceFactory factory = new ValuesSourceFactory(TYPES, rows);

        List<Chunk> first = readAll(factory.createReader(0, 2), 2);
        List<Chunk> second = readAll(factory.createReader(1, 2), 2);

        assertThat(factory.isBounded()).isTrue();
        assertThat(first).extracting(Chunk::size).containsExactly(2, 2, 1);
        List<List<Object>> emitted = new ArrayList<>();
        first.forEach(c -> emitted.addAll(Chunks.rows(c, TYPES)));
        assertThat(emitted).containsExactlyElementsOf(Chunks.rows(rows, TYPES));
        assertThat(second).isEmpty();
    }

    @Test
    void whenValuesSourceHasNoRows_thenItEndsAtOnce() throws Exception {
        ValuesSourceFactory factory = new ValuesSourceFactory(TYPES, Chunk.empty(TYPES));

        assertThat(readAll(factory.createReader(0, 1), 3)).isEmpty();
    }

    private static List<Chunk> readAll(SourceReader reader, int chunkSize) throws Exception {
        List<Chunk> chunks = new ArrayList<>();
        SourceOutput out = new SourceOutput() {
            @Override
            public void emit(int split, Chunk chunk) {
                chunks.add(chunk);
            }

            @Override
            public void emitWatermark(Watermark watermark) {
            }
        };
        reader.open(new FakeOperatorContext(chunkSize));
        for (int polls = 0; polls < 100; polls++) {
            if (reader.pollNext(out) == InputStatus.END_OF_INPUT) {
                reader.close();
                return chunks;
            }
        }
        throw new AssertionError("The source never ended");
    }
}
