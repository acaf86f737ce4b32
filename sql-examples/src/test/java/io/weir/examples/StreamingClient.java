package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.server.Await;
import io.weir.server.WeirClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the streaming tests do with continuous queries over HTTP, as a client would: start one, read its rows from
 * the NDJSON stream or page by page, look at its state and metrics, cancel it, and see its threads gone (the
 * server runs in the test JVM, so its task threads, named {@code weir-task-<queryId>-*}, are visible).
 */
final class StreamingClient {

    /** How long to wait for one more streamed row: only a stalled query ever reaches it. */
    static final Duration ROW_TIMEOUT = Duration.ofSeconds(30);

    private final WeirClient client;

    StreamingClient(WeirClient client) {
        this.client = client;
    }

    /** Posts statements whose last starts a continuous query; returns the query's id. */
    String start(String sql) {
        JsonNode answer = client.ok(sql);
        assertThat(answer.get("mode").asText()).as(answer.toString()).isEqualTo("streaming");
        return answer.get("queryId").asText();
    }

    /** Opens the query's NDJSON result stream. */
    WeirClient.LineStream stream(String queryId) {
        WeirClient.LineStream stream = client.stream("/v1/queries/" + queryId + "/results/stream",
                "application/x-ndjson");
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    /**
     * The next streamed row's values ({@code row} of a {@code {"op":"+I","row":[...]}} line), skipping keep-alive
     * lines; fails at the end of the stream, or when no row came within {@link #ROW_TIMEOUT}.
     */
    static JsonNode nextRow(WeirClient.LineStream stream) {
        long deadline = System.nanoTime() + ROW_TIMEOUT.toNanos();
        String line;
        do {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No row within " + ROW_TIMEOUT);
            }
            line = stream.nextLine(Duration.ofNanos(left));
        } while (line != null && line.isBlank());
        assertThat(line).as("the stream ended").isNotNull();
        JsonNode json = WeirClient.LineStream.json(line);
        assertThat(json.get("op").asText()).as(line).isEqualTo("+I");
        return json.get("row");
    }

    /** Streamed rows until one matches {@code last}; fails if the stream ends or stalls first. */
    static List<JsonNode> rowsUntil(WeirClient.LineStream stream, Predicate<JsonNode> last) {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode row;
        do {
            row = nextRow(stream);
            rows.add(row);
        } while (!last.test(row));
        return rows;
    }

    /** Every row of a query that ends, page by page with tokens, until the page that says eos; that last page. */
    JsonNode readToEnd(String queryId, List<JsonNode> rows) {
        long token = 0;
        while (true) {
            WeirClient.Answer answer = client.get("/v1/queries/" + queryId + "/results?token=" + token);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode page = answer.body();
            page.get("rows").forEach(row -> rows.add(row.get("row")));
            if (page.get("eos").asBoolean()) {
                return page;
            }
            token = page.get("nextToken").asLong();
        }
    }

    JsonNode describe(String queryId) {
        WeirClient.Answer answer = client.get("/v1/queries/" + queryId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    String state(String queryId) {
        return describe(queryId).get("state").asText();
    }

    /** Waits until the query is in {@code state} (and, once ended, its outcome is recorded); returns its description. */
    JsonNode awaitState(String queryId, String state) {
        Await.until("query " + queryId + " is " + state, () -> {
            JsonNode query = describe(queryId);
            return query.get("state").asText().equals(state)
                    && (state.equals("RUNNING") || query.has("finishedAt"));
        });
        return describe(queryId);
    }

    /** A counter of the query's metrics; 0 until it exists. */
    long metric(String queryId, String name) {
        JsonNode value = describe(queryId).get("metrics").get(name);
        return value == null ? 0 : value.asLong();
    }

    void cancel(String queryId) {
        WeirClient.Answer answer = client.delete("/v1/queries/" + queryId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** True while a task thread of the query is alive. */
    static boolean hasThreads(String queryId) {
        String prefix = "weir-task-" + queryId + "-";
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith(prefix));
    }

    static void awaitThreadsGone(String queryId) {
        Await.until("the threads of query " + queryId + " are gone", () -> !hasThreads(queryId));
    }
}
