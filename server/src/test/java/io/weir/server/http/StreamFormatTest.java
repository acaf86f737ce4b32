package io.weir.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import io.weir.server.result.ResultEnd;
import io.weir.server.result.ResultPage;
import io.weir.server.result.RowSlice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFormatTest {

    private static final List<DataType> TYPES = List.of(DataType.STRING, DataType.TIMESTAMP);

    private static Chunk chunk() {
        StringVector names = new StringVector(2);
        names.set(0, "bid");
        names.setNull(1);
        LongVector times = new LongVector(2);
        times.set(0, 1_436_918_404_000L);
        times.set(1, 0L);
        byte[] kinds = {RowKind.INSERT.code(), RowKind.DELETE.code()};
        return new Chunk(new Vector[] {names, times}, 2, kinds);
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    @Test
    void whenNdjson_thenOneObjectPerLineWithDropsFirstAndAFailureLast() {
        ResultPage page = new ResultPage(3, List.of(RowSlice.of(chunk())), 5, true,
                new ResultEnd("FAILED", "boom"));

        String text = text(StreamFormat.NDJSON.page(TYPES, page));

        assertThat(text).isEqualTo("""
                {"dropped":5}
                {"op":"+I","row":["bid","2015-07-15 00:00:04.000"]}
                {"op":"-D","row":[null,"1970-01-01 00:00:00.000"]}
                {"state":"FAILED","error":"boom"}
                """);
    }

    @Test
    void whenNdjsonQueryFinished_thenNoEndLineIsWritten() {
        ResultPage page = new ResultPage(0, List.of(new RowSlice(chunk(), 1, 2)), 0, true,
                new ResultEnd("FINISHED", null));

        assertThat(text(StreamFormat.NDJSON.page(TYPES, page)))
                .isEqualTo("{\"op\":\"-D\",\"row\":[null,\"1970-01-01 00:00:00.000\"]}\n");
    }

    @Test
    void whenSse_thenRowsAreDataEventsAndDropsAndTheEndAreNamedEvents() {
        ResultPage page = new ResultPage(0, List.of(new RowSlice(chunk(), 0, 1)), 2, true,
                new ResultEnd("CANCELED", null));

        String text = text(StreamFormat.SSE.page(TYPES, page));

        assertThat(text).isEqualTo("""
                event: dropped
                data: {"dropped":2}

                data: {"op":"+I","row":["bid","2015-07-15 00:00:04.000"]}

                event: end
                data: {"state":"CANCELED"}

                """);
    }

    @Test
    void whenAStreamCannotGoOn_thenItEndsWithTheApiErrorShape() {
        String text = text(StreamFormat.SSE.error(WeirException.validation("nope")));

        assertThat(text).isEqualTo("event: error\ndata: {\"error\":{\"kind\":\"ValidationError\",\"message\":\"nope\"}}\n\n");
    }

    @Test
    void whenAcceptNamesEventStream_thenSseElseNdjson() {
        assertThat(StreamFormat.forAccept("text/event-stream")).isEqualTo(StreamFormat.SSE);
        assertThat(StreamFormat.forAccept("application/x-ndjson")).isEqualTo(StreamFormat.NDJSON);
        assertThat(StreamFormat.forAccept(null)).isEqualTo(StreamFormat.NDJSON);
        assertThat(StreamFormat.forAccept("*/*")).isEqualTo(StreamFormat.NDJSON);
    }
}
