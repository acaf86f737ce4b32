package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.executor.job.RuntimeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result buffers are bounded: a client that does not read holds back its own query and no other, or drops rows. */
class BackpressureTest {

    private static final int CHUNK_ROWS = 10;
    private static final int BUFFER_ROWS = 100;

    @TempDir
    static Path dataDir;
    private static final TestPlans plans = new TestPlans();
    private static WeirServer server;
    private static WeirClient client;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir, Map.of(), plans);
        client = new WeirClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode query(String queryId) {
        return client.get("/v1/queries/" + queryId).body();
    }

    private static JsonNode page(String queryId, long token) {
        WeirClient.Answer answer = client.get("/v1/queries/" + queryId + "/results?token=" + token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static List<Long> values(JsonNode page) {
        List<Long> values = new ArrayList<>();
        page.get("rows").forEach(row -> values.add(row.get("row").get(0).asLong()));
        return values;
    }

    private static boolean threadsOf(String queryId) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().contains(queryId));
    }

    @Test
    void whenAClientDoesNotFetch_thenOnlyItsQueryWaitsAndNoRowIsLost() {
        CountingSource counting = plans.register("counting_blocked", new CountingSource(CHUNK_ROWS));
        TapSource tap = plans.register("tap_beside_blocked", new TapSource());
        String slow = client.ok("SET 'result.buffer-rows' = '" + BUFFER_ROWS + "'; SELECT * FROM counting_blocked")
                .get("queryId").asText();
        Await.until("the slow query's buffer is full",
                () -> query(slow).get("results").get("bufferedRows").asLong() > BUFFER_ROWS - CHUNK_ROWS);

        String other = client.ok("SELECT * FROM tap_beside_blocked").get("queryId").asText();
        tap.push(99);
        Await.until("the other query answers", () -> values(page(other, 0)).equals(List.of(99L)));

        assertThat(query(slow).get("results").get("bufferedRows").asLong()).isLessThanOrEqualTo(BUFFER_ROWS);
        // Held back: at most the buffer, what channels hold and a chunk in hand were produced.
        assertThat(counting.emitted()).isLessThanOrEqualTo(
                BUFFER_ROWS + (RuntimeOptions.DEFAULT_CHANNEL_CAPACITY + 1) * CHUNK_ROWS);
        List<Long> received = new ArrayList<>();
        for (long token = 0; received.size() < 3 * BUFFER_ROWS; token++) {
            received.addAll(values(page(slow, token)));
        }
        for (int i = 0; i < received.size(); i++) {
            assertThat(received.get(i)).as("row %d", i).isEqualTo(i);
        }
        assertThat(query(slow).get("results").get("droppedRows").asLong()).isZero();
        client.delete("/v1/queries/" + other);
        client.delete("/v1/queries/" + slow);
    }

    @Test
    void whenAQueryBlockedOnItsClientIsDeleted_thenItsThreadsEnd() {
        plans.register("counting_deleted", new CountingSource(CHUNK_ROWS));
        String slow = client.ok("SET 'result.buffer-rows' = '" + BUFFER_ROWS + "'; SELECT * FROM counting_deleted")
                .get("queryId").asText();
        Await.until("the buffer is full",
                () -> query(slow).get("results").get("bufferedRows").asLong() > BUFFER_ROWS - CHUNK_ROWS);

        client.delete("/v1/queries/" + slow);

        Await.until("the query's threads are gone", () -> !threadsOf(slow));
        assertThat(query(slow).get("state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void whenPolicyIsDropOldest_thenTheSourceRunsOnAndPagesSayHowManyRowsWereDropped() {
        CountingSource counting = plans.register("counting_dropping", new CountingSource(CHUNK_ROWS));
        String queryId = client.ok("SET 'result.buffer-policy' = 'drop-oldest';\n"
                + "SET 'result.buffer-rows' = '" + BUFFER_ROWS + "';\nSELECT * FROM counting_dropping")
                .get("queryId").asText();

        Await.until("rows are dropped", () -> query(queryId).get("results").get("droppedRows").asLong() > 0);
        JsonNode page = page(queryId, 0);

        List<Long> values = values(page);
        assertThat(page.get("dropped").asLong()).isPositive();
        assertThat(values).hasSizeLessThanOrEqualTo(BUFFER_ROWS);
        assertThat(values.get(0)).isEqualTo(page.get("dropped").asLong());
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).isEqualTo(values.get(i - 1) + 1);
        }
        assertThat(counting.emitted()).isGreaterThan(BUFFER_ROWS);
        assertThat(query(queryId).get("results").get("bufferPolicy").asText()).isEqualTo("drop-oldest");
        assertThat(client.getText("/metrics"))
                .containsPattern("weir_query_result_rows_dropped_total\\{query_id=\"" + queryId + "\"\\} [1-9]");
        client.delete("/v1/queries/" + queryId);
    }
}
