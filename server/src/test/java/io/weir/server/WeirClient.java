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

    /** GETs {@code path} and returns the body as text, failing the test unless the answer is 200. */
    public String getText(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("Expected 200 for " + path + " but got " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** GETs {@code path} with the {@code Accept} header given and reads the answer's body line by line as it comes. */
    public LineStream stream(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).version(HttpClient.Version.HTTP_1_1)
                .header("Accept", accept).GET().build();
        try {
            return new LineStream(http.send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A streamed answer: its status and headers at once, its lines as the server sends them. A reader thread
     * moves lines into a queue so that tests wait for the next one with a bound. Closing it closes the connection.
     */
    public static final class LineStream implements AutoCloseable {

        private static final String END = new String("<end of stream>");

        private final HttpResponse<java.util.stream.Stream<String>> response;
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();

        LineStream(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException e) {
                    // closed by the test, or the connection broke: either way the stream is over
                } finally {
                    lines.add(END);
                }
            }, "weir-test-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public int status() {
            return response.statusCode();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next line, waiting up to {@code timeout}; null once the stream has ended. Fails the test on timeout. */
        public String nextLine(Duration timeout) {
            try {
                String line = lines.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw new AssertionError("No line within " + timeout);
                }
                if (line == END) {
                    lines.add(END); // stays ended for later calls
                    return null;
                }
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next line that is not blank (blank lines are NDJSON keep-alives, and separate SSE events). */
        public String nextNonBlankLine(Duration timeout) {
            String line;
            do {
                line = nextLine(timeout);
            } while (line != null && line.isBlank());
            return line;
        }

        /** Parses a line of JSON. */
        public static JsonNode json(String line) {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            response.body().close();
        }
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
