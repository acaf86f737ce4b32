package io.weir.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests that talk to a Weir server the way users do. */
public final class WeirClient {

    /** Decimals stay exact ({@code 2.50} reads back as {@code 2.50}), as the server wrote them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public WeirClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An HTTP answer: status and parsed JSON body. */
    public record Answer(int status, JsonNode body) {
        public JsonNode rows() {
            return body.get("rows");
        }

        public String errorMessage() {
            JsonNode error = body.get("error");
            return error == null ? null : error.get("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** POSTs SQL text as {@code application/sql}. */
    public Answer sql(String sql) {
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/statements"))
                .header("Content-Type", "application/sql")
                .POST(HttpRequest.BodyPublishers.ofString(sql)));
    }

    /** POSTs SQL and fails the test unless the answer is 200. */
    public JsonNode ok(String sql) {
        Answer answer = sql(sql);
        if (answer.status() != 200) {
            throw new AssertionError("Expected 200 for <" + sql + "> but got " + answer);
        }
        return answer.body();
    }

    public Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
