package io.weir.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.server.json.Json;
import io.weir.server.result.PagedResultBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the HTTP API (DESIGN.md section 8) to the {@link Api}. Every answer is JSON (but {@code /metrics}, which
 * is Prometheus text, and result streams); every error is {@code {"error": {"kind", "message", "line"?,
 * "column"?}}} with the status of its kind. Statements and descriptions are answered on Jetty's request thread;
 * result pages ({@link ResultPageRequest}) and streams ({@link ResultStream}) answer later without holding it.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String JSON = "application/json";
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final String QUERIES = "/v1/queries/";
    private static final String SAVEPOINTS = "/savepoints";
    private static final String STOP = "/stop";
    private static final String RESULTS = "/results";
    private static final String STREAM = "/stream";

    private final Api api;
    private final long maxRequestBytes;
    private final long longPollMillis;
    private final long keepAliveMillis;

    /**
     * @param longPollMillis  the longest a results request waits for rows ({@code ?timeout=ms} may shorten it)
     * @param keepAliveMillis how often an idle result stream sends a keep-alive
     */
    public ApiHandler(Api api, long maxRequestBytes, long longPollMillis, long keepAliveMillis) {
        this.api = api;
        this.maxRequestBytes = maxRequestBytes;
        this.longPollMillis = longPollMillis;
        this.keepAliveMillis = keepAliveMillis;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            if (!routeAsync(request, response, callback)) {
                Object answer = route(request);
                write(response, 200, answer);
                callback.succeeded();
            }
        } catch (WeirException e) {
            writeError(response, callback, e);
        } catch (Throwable t) {
            LOG.error("Request {} {} failed", request.getMethod(), Request.getPathInContext(request), t);
            writeError(response, callback, new WeirException(ErrorKind.INTERNAL, "Internal error: " + t, t));
        }
        return true;
    }

    /**
     * The routes that answer later or bit by bit (results, metrics text); returns false for the JSON routes.
     * Until it returns, failures are answered as errors by the caller.
     */
    private boolean routeAsync(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals("/metrics")) {
            requireMethod(request.getMethod(), "GET");
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            response.write(true, ByteBuffer.wrap(api.metrics().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        if (!path.startsWith(QUERIES) || !path.endsWith(RESULTS) && !path.endsWith(RESULTS + STREAM)) {
            return false;
        }
        boolean stream = path.endsWith(STREAM);
        String id = path.substring(QUERIES.length(), path.length() - RESULTS.length() - (stream ? STREAM.length() : 0));
        if (id.isEmpty() || id.indexOf('/') >= 0) {
            return false;
        }
        requireMethod(request.getMethod(), "GET");
        PagedResultBuffer results = api.results(id);
        Fields parameters = Request.extractQueryParameters(request);
        long token = longParameter(parameters, "token", results.firstAvailableToken());
        if (stream) {
            StreamFormat format = StreamFormat.forAccept(request.getHeaders().get(HttpHeader.ACCEPT));
            ResultStream.start(results, token, format, keepAliveMillis, request, response, callback,
                    () -> clientLeft(id));
        } else {
            long timeout = Math.min(longParameter(parameters, "timeout", longPollMillis), longPollMillis);
            ResultPageRequest.start(results, token, timeout, request, response, callback);
        }
        return true;
    }

    /** A stream's client went away: the query it watched is of no use to anyone now. */
    private void clientLeft(String queryId) {
        try {
            api.cancel(queryId);
        } catch (RuntimeException e) {
            LOG.warn("Cancelling query {} after its stream client left failed", queryId, e);
        }
    }

    private static long longParameter(Fields parameters, String name, long defaultValue) {
        String value = parameters.getValue(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WeirException(ErrorKind.BAD_REQUEST, "'" + name + "' must be a whole number, at least 0; got '"
                + value + "'");
    }

    private Object route(Request request) throws IOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals("/v1/statements")) {
            requireMethod(method, "POST");
            return statements(request);
        }
        if (path.equals("/v1/queries")) {
            requireMethod(method, "GET");
            return api.listQueries();
        }
        if (path.startsWith(QUERIES) && path.indexOf('/', QUERIES.length()) < 0) {
            String id = path.substring(QUERIES.length());
            return switch (method) {
                case "GET" -> api.query(id);
                case "DELETE" -> api.cancel(id);
                default -> throw new WeirException(ErrorKind.BAD_REQUEST, "Method " + method + " is not allowed on " + path);
            };
        }
        if (path.startsWith(QUERIES) && (path.endsWith(SAVEPOINTS) || path.endsWith(STOP))) {
            boolean stop = path.endsWith(STOP);
            String id = path.substring(QUERIES.length(), path.length() - (stop ? STOP : SAVEPOINTS).length());
            if (!id.isEmpty() && id.indexOf('/') < 0) {
                requireMethod(method, "POST");
                return api.savepoint(id, stop);
            }
        }
        throw new WeirException(ErrorKind.NOT_FOUND, "No such resource: " + method + " " + path);
    }

    private static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw new WeirException(ErrorKind.BAD_REQUEST, "Use " + expected + " here, not " + method);
        }
    }

    private Object statements(Request request) throws IOException {
        String body = readBody(request);
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String sql;
        Map<String, String> properties = new HashMap<>();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(JSON)) {
            JsonNode json = parseJson(body);
            JsonNode statement = json.get("statement");
            if (statement == null || !statement.isTextual()) {
                throw new WeirException(ErrorKind.BAD_REQUEST, "The JSON body needs a \"statement\" string");
            }
            sql = statement.asText();
            JsonNode props = json.get("properties");
            if (props != null && !props.isNull()) {
                if (!props.isObject()) {
                    throw new WeirException(ErrorKind.BAD_REQUEST, "\"properties\" must be an object of strings");
                }
                props.fields().forEachRemaining(e -> properties.put(e.getKey(),
                        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            }
        } else {
            sql = body;
        }
        if (sql.isBlank()) {
            throw new WeirException(ErrorKind.BAD_REQUEST, "The request holds no SQL statement");
        }
        return api.executeStatements(sql, properties);
    }

    private static JsonNode parseJson(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new WeirException(ErrorKind.BAD_REQUEST, "The JSON body must be an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new WeirException(ErrorKind.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    /**
     * Reads the body as UTF-8, refusing (413) anything over the limit. An oversized body is read on and
     * discarded (up to {@link #DRAIN_LIMIT}) before answering, because most clients only read the answer once
     * they have sent the whole body; past that the connection is simply closed.
     */
    private String readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
            if (bytes.length > maxRequestBytes) {
                in.skipNBytes(Math.min(Math.max(0, request.getLength() - bytes.length), DRAIN_LIMIT));
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (java.io.EOFException e) {
            throw tooLarge();
        }
    }

    private WeirException tooLarge() {
        return new WeirException(ErrorKind.RESOURCE_EXHAUSTED, "The request body is larger than "
                + maxRequestBytes + " bytes ('server.max-request-size')");
    }

    private static void writeError(Response response, Callback callback, WeirException e) {
        try {
            write(response, HttpError.status(e), JsonResponses.errorBody(e));
            callback.succeeded();
        } catch (Throwable t) {
            callback.failed(t);
        }
    }

    private static void write(Response response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            Json.MAPPER.writeValue(out, body);
        }
    }
}
