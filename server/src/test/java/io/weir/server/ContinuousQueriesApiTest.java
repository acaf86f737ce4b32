package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuous queries over HTTP: starting them, paging their results with tokens, cancelling, failing, listing. */
class ContinuousQueriesApiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

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

    private static String tap(TapSource source) {
        String name = "tap" + NAMES.incrementAndGet();
        plans.register(name, source);
        return name;
    }

    private static String startQuery(String table) {
        return client.ok("SELECT * FROM " + table).get("queryId").asText();
    }

    private static JsonNode page(String queryId, long token) {
        WeirClient.Answer answer = client.get("/v1/queries/" + queryId + "/results?token=" + token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    /** Fetches pages from {@code token} until {@code count} rows came; returns their values. */
    private static List<Long> fetchRows(String queryId, long token, int count) {
        List<Long> values = new ArrayList<>();
        long next = token;
        while (values.size() < count) {
            JsonNode page = page(queryId, next);
            page.get("rows").forEach(row -> values.add(row.get("row").get(0).asLong()));
            assertThat(page.get("eos").asBoolean()).as("ended early: " + page).isFalse();
            next = page.get("nextToken").asLong();
        }
        return values;
    }

    private static String state(String queryId) {
        return client.get("/v1/queries/" + queryId).body().get("state").asText();
    }

    private static boolean threadsOf(String queryId) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().contains(queryId));
    }

    @Test
    void whenUnboundedSelectIsPosted_thenItAnswersAtOnceWithIdColumnsAndResultsPath() {
        String table = tap(new TapSource());

        JsonNode answer = client.ok("SELECT * FROM " + table);

        String queryId = answer.get("queryId").asText();
        assertThat(answer.get("mode").asText()).isEqualTo("streaming");
        assertThat(answer.get("columns").toString()).isEqualTo("[{\"name\":\"n\",\"type\":\"BIGINT\"}]");
        assertThat(answer.get("results").asText()).isEqualTo("/v1/queries/" + queryId + "/results");
        assertThat(answer.has("rows")).isFalse();
        assertThat(state(queryId)).isEqualTo("RUNNING");
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenPagesAreFetchedWithTokens_thenEachHoldsNewRowsWithTheirChangeKind() {
        TapSource source = new TapSource();
        String queryId = startQuery(tap(source));
        source.push(1, 2, 3);

        List<Long> first = fetchRows(queryId, 0, 3);
        JsonNode retry = page(queryId, 0);
        source.push(4);
        List<Long> second = fetchRows(queryId, 1, 1);

        assertThat(first).containsExactly(1L, 2L, 3L);
        assertThat(second).containsExactly(4L);
        assertThat(retry.get("rows").get(0).toString()).isEqualTo("{\"op\":\"+I\",\"row\":[1]}");
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenNothingNewArrivesBeforeTheTimeout_thenAnEmptyPageWithTheNextToken() {
        String queryId = startQuery(tap(new TapSource()));

        JsonNode page = client.get("/v1/queries/" + queryId + "/results?token=0&timeout=50").body();

        assertThat(page.get("rows")).isEmpty();
        assertThat(page.get("nextToken").asLong()).isEqualTo(1);
        assertThat(page.get("eos").asBoolean()).isFalse();
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenRowsArriveDuringALongPoll_thenThePollAnswersWithThem() throws Exception {
        TapSource source = new TapSource();
        String queryId = startQuery(tap(source));
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> client.get("/v1/queries/" + queryId + "/results?token=0&timeout=60000"));

        source.push(42);

        JsonNode page = waiting.get(Await.GENEROUS.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).body();
        assertThat(page.get("rows").toString()).isEqualTo("[{\"op\":\"+I\",\"row\":[42]}]");
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenAReleasedTokenIsAsked_thenGoneWithTheTokenToContinueFrom() {
        TapSource source = new TapSource();
        String queryId = startQuery(tap(source));
        source.push(1);
        fetchRows(queryId, 0, 1);
        page(queryId, 1);

        WeirClient.Answer answer = client.get("/v1/queries/" + queryId + "/results?token=0&timeout=0");

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.errorMessage()).contains("released").contains("token 2");
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenATokenIsNotIssuedYetOrMalformed_thenBadRequest() {
        String queryId = startQuery(tap(new TapSource()));

        WeirClient.Answer ahead = client.get("/v1/queries/" + queryId + "/results?token=7");
        WeirClient.Answer malformed = client.get("/v1/queries/" + queryId + "/results?token=abc");

        assertThat(ahead.status()).isEqualTo(400);
        assertThat(ahead.errorMessage()).contains("token 0");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorMessage()).contains("'token'");
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenTheSourceEnds_thenRemainingRowsComeAndTheLastPageSaysEos() {
        TapSource source = new TapSource();
        String queryId = startQuery(tap(source));
        source.push(7, 8);
        source.end();

        List<Long> rows = new ArrayList<>();
        JsonNode page = page(queryId, 0);
        page.get("rows").forEach(row -> rows.add(row.get("row").get(0).asLong()));
        while (!page.get("eos").asBoolean()) {
            page = page(queryId, page.get("nextToken").asLong());
            page.get("rows").forEach(row -> rows.add(row.get("row").get(0).asLong()));
        }

        assertThat(rows).containsExactly(7L, 8L);
        assertThat(page.get("nextToken").isNull()).isTrue();
        assertThat(page.get("state").asText()).isEqualTo("FINISHED");
        assertThat(state(queryId)).isEqualTo("FINISHED");
    }

    @Test
    void whenDeleted_thenCanceledThreadsGoneAndTheResultEnds() {
        TapSource source = new TapSource();
        String queryId = startQuery(tap(source));
        source.push(1);
        Await.until("the query's threads run", () -> threadsOf(queryId));

        WeirClient.Answer answer = client.delete("/v1/queries/" + queryId);

        assertThat(answer.body().get("state").asText()).isEqualTo("CANCELED");
        assertThat(state(queryId)).isEqualTo("CANCELED");
        Await.until("the query's threads are gone", () -> !threadsOf(queryId));
        JsonNode page = page(queryId, 0);
        assertThat(page.get("eos").asBoolean()).isTrue();
        assertThat(page.get("state").asText()).isEqualTo("CANCELED");
        assertThat(client.get("/v1/queries/" + queryId).body().get("finishedAt")).isNotNull();
    }

    @Test
    void whenTheQueryFails_thenItIsFailedWithItsErrorAndTheLastPageSaysSo() {
        TapSource source = new TapSource();
        String queryId = startQuery(tap(source));

        source.fail("bad record at offset 17");

        Await.until("the query fails", () -> state(queryId).equals("FAILED"));
        Await.until("the failure is recorded", () -> client.get("/v1/queries/" + queryId).body().has("error"));
        assertThat(client.get("/v1/queries/" + queryId).body().get("error").asText())
                .contains("bad record at offset 17");
        JsonNode page = page(queryId, 0);
        assertThat(page.get("eos").asBoolean()).isTrue();
        assertThat(page.get("error").asText()).contains("bad record at offset 17");
        Await.until("the query's threads are gone", () -> !threadsOf(queryId));
    }

    @Test
    void whenRunning_thenTheDescriptionShowsOperatorsMetricsAndResultBuffer() {
        TapSource source = new TapSource();
        String table = tap(source);
        String queryId = startQuery(table);
        source.push(1, 2, 3);
        fetchRows(queryId, 0, 3);

        JsonNode query = client.get("/v1/queries/" + queryId).body();

        assertThat(query.get("state").asText()).isEqualTo("RUNNING");
        assertThat(query.get("mode").asText()).isEqualTo("streaming");
        assertThat(query.get("parallelism").asInt()).isEqualTo(1);
        assertThat(query.get("plan").asText()).contains("TestScan(" + table + ")");
        JsonNode scan = query.get("operators").get(0);
        assertThat(scan.get("name").asText()).isEqualTo("Source(" + table + ")");
        assertThat(scan.get("recordsOut").asLong()).isEqualTo(3);
        assertThat(scan.has("watermark")).isTrue();
        assertThat(query.get("operators").get(1).get("recordsIn").asLong()).isEqualTo(3);
        assertThat(query.get("watermarks").has("Source(" + table + ")")).isTrue();
        assertThat(query.get("metrics").get("Source(" + table + ").records_out").asLong()).isEqualTo(3);
        assertThat(query.get("metrics").get("late_records_dropped").asLong()).isZero();
        assertThat(query.get("results").get("deliveredRows").asLong()).isEqualTo(3);
        assertThat(query.get("results").get("bufferPolicy").asText()).isEqualTo("block");
        client.delete("/v1/queries/" + queryId);
    }

    @Test
    void whenManyQueriesRun_thenAllAreListedRunningAndCancelingOneLeavesTheOthers() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(startQuery(tap(new TapSource())));
        }

        client.delete("/v1/queries/" + ids.get(0));

        JsonNode list = client.get("/v1/queries").body().get("queries");
        Map<String, String> states = new java.util.HashMap<>();
        list.forEach(q -> states.put(q.get("queryId").asText(), q.get("state").asText()));
        assertThat(states.get(ids.get(0))).isEqualTo("CANCELED");
        for (String id : ids.subList(1, ids.size())) {
            assertThat(states.get(id)).isEqualTo("RUNNING");
            assertThat(list.toString()).contains("\"mode\":\"streaming\"");
            client.delete("/v1/queries/" + id);
        }
    }

    @Test
    void whenUnboundedInsertIsPosted_thenItRunsDetachedUntilCanceled() {
        TapSource source = new TapSource();
        String table = tap(source);

        JsonNode answer = client.ok("INSERT INTO sink_table SELECT * FROM " + table);

        String queryId = answer.get("queryId").asText();
        assertThat(answer.get("mode").asText()).isEqualTo("streaming");
        assertThat(answer.get("state").asText()).isEqualTo("RUNNING");
        assertThat(answer.get("table").asText()).containsIgnoringCase("sink_table");
        assertThat(state(queryId)).isEqualTo("RUNNING");
        assertThat(client.get("/v1/queries/" + queryId + "/results").status()).isEqualTo(400);
        client.delete("/v1/queries/" + queryId);
        Await.until("the insert's threads are gone", () -> !threadsOf(queryId));
        assertThat(state(queryId)).isEqualTo("CANCELED");
    }

    @Test
    void whenResultsOfABatchOrUnknownQueryAreAsked_thenClearErrors() {
        String batchId = client.ok("SELECT 1 AS x").get("queryId").asText();

        WeirClient.Answer batch = client.get("/v1/queries/" + batchId + "/results");
        WeirClient.Answer unknown = client.get("/v1/queries/nope/results");

        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.errorMessage()).contains("batch");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void whenResultSettingIsBad_thenTheStatementFailsNamingTheKey() {
        String table = tap(new TapSource());

        WeirClient.Answer answer = client.sql("SET 'result.buffer-policy' = 'sometimes'; SELECT * FROM " + table);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorMessage()).contains("result.buffer-policy");
    }

    @Test
    void whenMetricsAreScraped_thenPrometheusTextHasQueryStatesRowsAndRunningQueries() {
        TapSource source = new TapSource();
        String queryId = startQuery(tap(source));
        source.push(5, 6);
        fetchRows(queryId, 0, 2);

        String text = client.getText("/metrics");

        assertThat(text).contains("# TYPE weir_queries gauge").contains("weir_queries{state=\"RUNNING\"}");
        assertThat(text).containsPattern("weir_result_rows_delivered_total\\{mode=\"streaming\"\\} [1-9]");
        assertThat(text).contains("weir_query_records_out_total{query_id=\"" + queryId + "\",vertex=\"0\"");
        assertThat(text).contains("weir_query_late_records_dropped_total{query_id=\"" + queryId + "\"} 0");
        client.delete("/v1/queries/" + queryId);
    }
}
