package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/queries/{id}/results/stream}: rows as they are produced, as NDJSON or server-sent events. */
class ResultStreamTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static final TestPlans plans = new TestPlans();
    private static WeirServer server;
    private static WeirClient client;

    @BeforeAll
    static void start() throws Exception {
        // Frequent keep-alives, so that a client gone while no row comes is noticed soon.
        server = TestServers.start(dataDir, Map.of(ServerConfig.STREAM_KEEP_ALIVE, "50"), plans);
        client = new WeirClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String startQuery(TapSource source) {
        String name = "streamed" + NAMES.incrementAndGet();
        plans.register(name, source);
        return client.ok("SELECT * FROM " + name).get("queryId").asText();
    }

    private static String state(String queryId) {
        return client.get("/v1/queries/" + queryId).body().get("state").asText();
    }

    private static boolean threadsOf(String queryId) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().contains(queryId));
    }

    private static WeirClient.LineStream ndjson(String queryId) {
        return client.stream("/v1/queries/" + queryId + "/results/stream", "application/x-ndjson");
    }

    @Test
    void whenRowsAreProduced_thenNdjsonLinesArriveOneByOneAsTheyCome() {
        TapSource source = new TapSource();
        String queryId = startQuery(source);
        try (WeirClient.LineStream stream = ndjson(queryId)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("application/x-ndjson");

            source.push(1);
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isEqualTo("{\"op\":\"+I\",\"row\":[1]}");
            source.push(2, 3);
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isEqualTo("{\"op\":\"+I\",\"row\":[2]}");
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isEqualTo("{\"op\":\"+I\",\"row\":[3]}");
        }
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenTheQueryEnds_thenTheStreamDeliversTheRestAndEnds() {
        TapSource source = new TapSource();
        String queryId = startQuery(source);
        source.push(10, 11);
        source.end();
        try (WeirClient.LineStream stream = ndjson(queryId)) {
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).contains("[10]");
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).contains("[11]");
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isNull();
        }
        assertThat(state(queryId)).isEqualTo("FINISHED");
    }

    @Test
    void whenTheQueryFails_thenTheStreamEndsWithItsError() {
        TapSource source = new TapSource();
        String queryId = startQuery(source);
        try (WeirClient.LineStream stream = ndjson(queryId)) {
            source.push(1);
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).contains("[1]");

            source.fail("the broker went away");

            JsonNode last = WeirClient.LineStream.json(stream.nextNonBlankLine(Await.GENEROUS));
            assertThat(last.get("state").asText()).isEqualTo("FAILED");
            assertThat(last.get("error").asText()).contains("the broker went away");
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isNull();
        }
    }

    @Test
    void whenTheClientAcceptsEventStream_thenRowsAreServerSentEventsAndTheEndIsAnnounced() {
        TapSource source = new TapSource();
        String queryId = startQuery(source);
        try (WeirClient.LineStream stream = client.stream("/v1/queries/" + queryId + "/results/stream",
                "text/event-stream")) {
            assertThat(stream.contentType()).startsWith("text/event-stream");

            source.push(5);
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isEqualTo("data: {\"op\":\"+I\",\"row\":[5]}");
            source.end();
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isEqualTo("event: end");
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isEqualTo("data: {\"state\":\"FINISHED\"}");
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isNull();
        }
    }

    @Test
    void whenTheStreamClientDisconnects_thenTheQueryIsCanceledAndItsThreadsEnd() {
        TapSource source = new TapSource();
        String queryId = startQuery(source);
        WeirClient.LineStream stream = ndjson(queryId);
        source.push(1);
        assertThat(stream.nextNonBlankLine(Await.GENEROUS)).contains("[1]");
        assertThat(threadsOf(queryId)).isTrue();

        stream.close();
        // The server notices at its next write: keep rows coming until it has.
        Await.until("the query is canceled", () -> {
            source.push(2);
            return state(queryId).equals("CANCELED");
        });

        Await.until("the query's threads are gone", () -> !threadsOf(queryId));
        JsonNode listed = null;
        for (JsonNode query : client.get("/v1/queries").body().get("queries")) {
            if (query.get("queryId").asText().equals(queryId)) {
                listed = query;
            }
        }
        assertThat(listed.get("state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void whenTheStreamClientDisconnectsWhileNoRowsCome_thenKeepAlivesNoticeAndTheQueryIsCanceled() {
        TapSource source = new TapSource();
        String queryId = startQuery(source);
        WeirClient.LineStream stream = ndjson(queryId);
        source.push(1);
        assertThat(stream.nextNonBlankLine(Await.GENEROUS)).contains("[1]");

        stream.close();

        Await.until("the query is canceled", () -> state(queryId).equals("CANCELED"));
        Await.until("the query's threads are gone", () -> !threadsOf(queryId));
    }

    @Test
    void whenIdle_thenNdjsonKeepAlivesAreBlankLines() {
        String queryId = startQuery(new TapSource());
        try (WeirClient.LineStream stream = ndjson(queryId)) {
            assertThat(stream.nextLine(Await.GENEROUS)).isEmpty();
        }
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenTheQueryIsDeletedWhileStreaming_thenTheStreamEnds() {
        TapSource source = new TapSource();
        String queryId = startQuery(source);
        try (WeirClient.LineStream stream = ndjson(queryId)) {
            source.push(1);
            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).contains("[1]");

            client.delete("/v1/queries/" + queryId);

            assertThat(stream.nextNonBlankLine(Await.GENEROUS)).isNull();
        }
        Await.until("the query's threads are gone", () -> !threadsOf(queryId));
        assertThat(state(queryId)).isEqualTo("CANCELED");
    }
}
