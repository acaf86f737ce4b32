package io.weir.executor.connector.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Watermark;
import io.weir.executor.testing.FakeOperatorContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrintSinkTest {

    private static final List<String> NAMES = List.of("id", "name", "price", "ts");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.decimal(10, 2),
            DataType.TIMESTAMP);

    private final Lines log = new Lines();
    private final Lines standardError = new Lines();

    private ConnectorTable table(String... options) {
        Map<String, String> map = new HashMap<>();
        map.put("connector", "print");
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        TableSpec spec = new TableSpec("out", NAMES, TYPES, map,
                new ConnectorEnvironment(Path.of("data"), List.of(), new MutableClock(0), null));
        return new PrintConnectorFactory(log, standardError).create(spec);
    }

    @SafeVarargs
    private static Chunk rows(RowKind kind, List<Object>... rows) {
        return Chunks.of(TYPES, Arrays.asList(rows), kind);
    }

    private static void write(ConnectorTable table, int subtask, int parallelism, Chunk... chunks) throws Exception {
        Operator sink = table.createSink().create();
        sink.open(new FakeOperatorContext(subtask, parallelism, 1024));
        for (Chunk chunk : chunks) {
            sink.processChunk(0, chunk, NO_OUTPUT);
        }
        sink.endInput(0, NO_OUTPUT);
        sink.close();
    }

    @Test
    void whenRowsArrive_thenEachIsPrintedWithItsKindLikeFlink() throws Exception {
        write(table(), 0, 1,
                rows(RowKind.INSERT, Arrays.asList(1L, "a", new BigDecimal("9.50"), LocalDateTime.of(2024, 1, 2, 3, 4, 5))),
                rows(RowKind.UPDATE_BEFORE, Arrays.asList(2L, null, null, null)),
                rows(RowKind.DELETE, Arrays.asList(3L, "c", new BigDecimal("0.01"), LocalDateTime.of(2024, 1, 2, 0, 0))));

        assertThat(log.lines).containsExactly(
                "+I[1, a, 9.50, 2024-01-02 03:04:05.000]",
                "-U[2, NULL, NULL, NULL]",
                "-D[3, c, 0.01, 2024-01-02 00:00:00.000]");
        assertThat(standardError.lines).isEmpty();
    }

    @Test
    void whenIdentifierIsSetOrParallelismAboveOne_thenLinesArePrefixedAsInFlink() throws Exception {
        Chunk chunk = rows(RowKind.INSERT, Arrays.asList(1L, "a", null, null));

        write(table("print-identifier", "sink"), 0, 1, chunk);
        write(table("print-identifier", "sink"), 1, 2, chunk);
        write(table(), 2, 3, chunk);

        assertThat(log.lines).containsExactly("sink> +I[1, a, NULL, NULL]", "sink:2> +I[1, a, NULL, NULL]",
                "3> +I[1, a, NULL, NULL]");
    }

    @Test
    void whenStandardErrorIsSet_thenLinesGoThere() throws Exception {
        write(table("standard-error", "true"), 0, 1, rows(RowKind.UPDATE_AFTER, Arrays.asList(7L, "x", null, null)));

        assertThat(standardError.lines).containsExactly("+U[7, x, NULL, NULL]");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void whenTheLogIsOff_thenNothingIsFormatted() throws Exception {
        log.enabled = false;

        write(table(), 0, 1, rows(RowKind.INSERT, Arrays.asList(1L, "a", null, null)));

        assertThat(log.lines).isEmpty();
    }

    @Test
    void whenOptionsAreWrongOrTheTableIsRead_thenValidationErrorsSaySo() {
        assertThatThrownBy(() -> table("standard-error", "maybe"))
                .hasMessage("Option 'standard-error' must be 'true' or 'false', got 'maybe'");
        assertThatThrownBy(() -> table("sink.parallelism", "2"))
                .hasMessage("Unsupported option 'sink.parallelism' for connector 'print'. Supported options: "
                        + "print-identifier, standard-error");
        assertThatThrownBy(() -> table().createSource())
                .hasMessage("Table 'out' uses connector 'print', which can only be written to (INSERT INTO)");
    }

    private static final Output NO_OUTPUT = new Output() {
        @Override
        public void emit(Chunk chunk) {
            throw new AssertionError("a sink emits nothing");
        }

        @Override
        public void emitWatermark(Watermark watermark) {
        }
    };

    /** A print target that keeps its lines. */
    private static final class Lines implements PrintTarget {
        final List<String> lines = new ArrayList<>();
        boolean enabled = true;

        @Override
        public boolean isEnabled() {
            return enabled;
        }

        @Override
        public void println(String line) {
            lines.add(line);
        }
    }
}
