package io.weir.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.server.json.ChangelogRows;
import io.weir.server.json.Json;
import io.weir.server.result.ResultPage;
import io.weir.server.result.RowSlice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a result stream writes its pages. Either way each row is {@code {"op": "+I", "row": [...]}}; rows dropped
 * by a {@code drop-oldest} buffer are announced as {@code {"dropped": n}} before the rows that follow them; a
 * query that failed ends with {@code {"state": "FAILED", "error": "..."}}.
 */
enum StreamFormat {

    /** One JSON object per line; a blank line is a keep-alive. */
    NDJSON("application/x-ndjson") {
        @Override
        void begin(JsonGenerator gen, String event) {
        }

        @Override
        void end(ByteArrayOutputStream out) {
            out.write('\n');
        }

        @Override
        ByteBuffer keepAlive() {
            return ascii("\n");
        }
    },

    /**
     * Server-sent events: a row is a {@code data:} event; drops, errors and the end are the named events
     * {@code dropped}, {@code error} and {@code end} (browsers' EventSource reconnects unless told the end).
     */
    SSE("text/event-stream") {
        @Override
        void begin(JsonGenerator gen, String event) throws IOException {
            gen.writeRaw(event == null ? "data: " : "event: " + event + "\ndata: ");
        }

        @Override
        void end(ByteArrayOutputStream out) {
            out.write('\n');
            out.write('\n');
        }

        @Override
        ByteBuffer keepAlive() {
            return ascii(": keep-alive\n\n");
        }

        @Override
        boolean announcesEnd() {
            return true;
        }
    };

    private final String contentType;

    StreamFormat(String contentType) {
        this.contentType = contentType;
    }

    /** {@code text/event-stream} when the client accepts it, else NDJSON. */
    static StreamFormat forAccept(String accept) {
        return accept != null && accept.contains(SSE.contentType) ? SSE : NDJSON;
    }

    String contentType() {
        return contentType + "; charset=utf-8";
    }

    /** Starts one message; {@code event} names it (null for a row). */
    abstract void begin(JsonGenerator gen, String event) throws IOException;

    /** Ends one message (after its JSON was flushed to {@code out}). */
    abstract void end(ByteArrayOutputStream out);

    abstract ByteBuffer keepAlive();

    boolean announcesEnd() {
        return false;
    }

    /** The page's messages: the drop notice, its rows, and at the end of the query how it ended. */
    ByteBuffer page(List<DataType> types, ResultPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
            gen.setRootValueSeparator(null);
            if (page.dropped() > 0) {
                message(gen, out, "dropped", Map.of("dropped", page.dropped()));
            }
            for (RowSlice slice : page.rows()) {
                for (int row = slice.from(); row < slice.to(); row++) {
                    begin(gen, null);
                    ChangelogRows.writeRow(gen, types, slice.chunk(), row);
                    gen.flush();
                    end(out);
                }
            }
            if (page.end() != null && (page.end().failed() || announcesEnd())) {
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("state", page.end().state());
                if (page.end().failed()) {
                    end.put("error", page.end().error());
                }
                message(gen, out, page.end().failed() ? "error" : "end", end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** The last message of a stream that cannot go on, in the API's error shape. */
    ByteBuffer error(WeirException e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
            message(gen, out, "error", JsonResponses.errorBody(e));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    private void message(JsonGenerator gen, ByteArrayOutputStream out, String event, Object body) throws IOException {
        begin(gen, event);
        gen.writeObject(body);
        gen.flush();
        end(out);
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
