package io.weir.executor.connector.blackhole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorRegistry;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Watermark;
import io.weir.executor.testing.FakeOperatorContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlackholeSinkTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    private static ConnectorTable table(Map<String, String> options) {
        return ConnectorRegistry.builtIn().create(new TableSpec("sink", List.of("v"), TYPES, options,
                new ConnectorEnvironment(Path.of("data"), List.of(), new MutableClock(0), null)));
    }

    @Test
    void whenRowsOfAnyKindArrive_thenTheyAreDiscardedAndCounted() throws Exception {
        Operator sink = table(Map.of("connector", "blackhole")).createSink().create();
        FakeOperatorContext context = FakeOperatorContext.single();
        Output output = new Output() {
            @Override
            public void emit(Chunk chunk) {
                throw new AssertionError("a sink emits nothing");
            }

            @Override
            public void emitWatermark(Watermark watermark) {
            }
        };
        sink.open(context);

        sink.processChunk(0, Chunks.of(TYPES, List.of(List.of(1L), List.of(2L))), output);
        sink.processChunk(0, Chunks.of(TYPES, List.of(List.of(1L)), RowKind.DELETE), output);
        sink.processChunk(0, Chunks.of(TYPES, List.of(List.of(3L), List.of(4L)), RowKind.UPDATE_AFTER), output);
        sink.endInput(0, output);
        sink.close();

        assertThat(context.counterValue("rows_discarded")).isEqualTo(5);
    }

    @Test
    void whenOptionIsGivenOrTableIsRead_thenValidationErrorsSaySo() {
        assertThatThrownBy(() -> table(Map.of("connector", "blackhole", "path", "/tmp")))
                .hasMessage("Unsupported option 'path' for connector 'blackhole', which takes no options besides "
                        + "'connector'");
        assertThatThrownBy(() -> table(Map.of("connector", "blackhole")).createSource())
                .hasMessage("Table 'sink' uses connector 'blackhole', which can only be written to (INSERT INTO)");
    }
}
