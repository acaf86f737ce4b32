package io.weir.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.server.json.Json;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Small JSON answers written without blocking, for handlers that answer later (long-polls, streams). */
final class JsonResponses {

    static final String JSON_UTF8 = "application/json; charset=utf-8";

    private JsonResponses() {
    }

    /** The API's error body: {@code {"error": {"kind", "message", "line"?, "column"?}}}. */
    static Map<String, Object> errorBody(WeirException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("kind", e.kind().displayName());
        error.put("message", e.getMessage());
        if (e.hasPosition()) {
            error.put("line", e.line());
            error.put("column", e.column());
        }
        return Map.of("error", error);
    }

    /** Writes {@code body} as the whole response and completes {@code callback} when it is written. */
    static void send(Response response, int status, Object body, Callback callback) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            WeirException internal = new WeirException(ErrorKind.INTERNAL, "Cannot write the answer: " + e, e);
            sendError(response, internal, callback);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_UTF8);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    static void sendError(Response response, WeirException e, Callback callback) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(errorBody(e));
        } catch (JsonProcessingException impossible) {
            callback.failed(impossible);
            return;
        }
        response.setStatus(HttpError.status(e));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_UTF8);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
