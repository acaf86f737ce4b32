package io.weir.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkRowsTest {

    /** Counts flushes: each one becomes a separate write to the HTTP response. */
    private static final class CountingStream extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }

    private static Chunk chunk(List<DataType> types, Object[]... rows) {
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(types.get(c), rows.length);
            for (int r = 0; r < rows.length; r++) {
                Values.setExternal(types.get(c), columns[c], r, rows[r][c]);
            }
        }
        return new Chunk(columns, rows.length);
    }

    @Test
    void valuesAreWrittenAsDesignSaysWithNullsAndTimestampText() throws Exception {
        List<DataType> types = List.of(DataType.INTEGER, DataType.STRING, DataType.DOUBLE, DataType.TIMESTAMP);
        Chunk chunk = chunk(types, new Object[] {7, "x", 1.5, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000)},
                new Object[] {null, null, null, null});

        String json = Json.MAPPER.writeValueAsString(Map.of("rows", new ChunkRows(types, List.of(chunk))));

        assertThat(json).isEqualTo("{\"rows\":[[7,\"x\",1.5,\"2024-01-02 03:04:05.600\"],[null,null,null,null]]}");
    }

    @Test
    void whenManyRowsAreWritten_thenTheOutputIsNotFlushedPerValue() throws Exception {
        List<DataType> types = List.of(DataType.BIGINT, DataType.STRING);
        Object[][] rows = new Object[1000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {(long) i, "v" + i};
        }
        CountingStream out = new CountingStream();

        Json.MAPPER.writeValue(out, Map.of("rows", new ChunkRows(types, List.of(chunk(types, rows)))));

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"rows\":[[0,\"v0\"],[1,\"v1\"],");
        assertThat(out.flushes).isLessThanOrEqualTo(1);
    }
}
