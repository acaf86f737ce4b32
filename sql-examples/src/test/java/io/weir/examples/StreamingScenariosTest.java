package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.server.Await;
import io.weir.server.TestServers;
import io.weir.server.WeirClient;
import io.weir.server.WeirServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Continuous queries over unbounded sources, through the HTTP API as a client sees them: processing-time windows
 * emit while running; a window join streams each window's matches; a streaming {@code ORDER BY rowtime LIMIT n}
 * ends after its rows; a continuous INSERT runs
 * detached until it is deleted; a client that closes its result stream cancels the query.
 */
class StreamingScenariosTest {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** The nexmark connector's default base time: event n of {@code live_bids} happens n ms later. */
    private static final LocalDateTime NEXMARK_BASE = LocalDateTime.of(2015, 7, 15, 0, 0);

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirClient client;
    private static StreamingClient queries;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir);
        client = new WeirClient(server.port());
        queries = new StreamingClient(client);
        client.ok("""
                CREATE TABLE clicks (user_id BIGINT, url STRING, pt AS PROCTIME())
                WITH ('connector' = 'datagen', 'rows-per-second' = '50', 'fields.user_id.min' = '1',
                      'fields.user_id.max' = '5', 'fields.url.length' = '8');
                -- Unthrottled, 1000 events per second of event time, shuffled within half-second groups.
                CREATE TABLE live_bids (
                  auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP(3),
                  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND
                ) WITH ('connector' = 'nexmark', 'nexmark.table' = 'bid', 'first-event.rate' = '1000',
                        'out-of-order.group-size' = '500');
                CREATE TABLE ticking_bids (auction BIGINT, price BIGINT)
                WITH ('connector' = 'nexmark', 'nexmark.table' = 'bid', 'rows-per-second' = '20');
                CREATE TABLE discarded (auction BIGINT, price BIGINT) WITH ('connector' = 'blackhole');
                CREATE TABLE printed (auction BIGINT, price BIGINT) WITH ('connector' = 'print')
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void whenAProcessingTimeWindowRunsOverAnUnboundedSource_thenItEmitsRowsWhileRunning() {
        String queryId = queries.start("""
                SELECT window_start, window_end, COUNT(*) AS clicks, COUNT(DISTINCT user_id) AS users
                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '1' SECOND))
                GROUP BY window_start, window_end""");

        try (WeirClient.LineStream stream = queries.stream(queryId)) {
            List<JsonNode> rows = List.of(StreamingClient.nextRow(stream), StreamingClient.nextRow(stream));

            for (JsonNode row : rows) {
                LocalDateTime start = LocalDateTime.parse(row.get(0).asText(), TIMESTAMP);
                assertThat(LocalDateTime.parse(row.get(1).asText(), TIMESTAMP)).isEqualTo(start.plusSeconds(1));
                assertThat(row.get(2).asLong()).isPositive();
                assertThat(row.get(3).asLong()).isBetween(1L, 5L);
            }
            assertThat(queries.state(queryId)).isEqualTo("RUNNING");
        } finally {
            queries.cancel(queryId);
        }
        StreamingClient.awaitThreadsGone(queryId);
    }

    @Test
    void whenAStreamingOrderByLimitReadsAnUnboundedTable_thenItAnswersTheFirstRowsInRowtimeOrderAndEnds() {
        String queryId = queries.start("SELECT auction, price, date_time FROM live_bids ORDER BY date_time LIMIT 10");

        List<JsonNode> rows = new ArrayList<>();
        JsonNode last = queries.readToEnd(queryId, rows);

        // Events 4 to 13 are the first bids (0 is a person, 1 to 3 auctions), whatever order they came in.
        List<String> expected = new ArrayList<>();
        for (int event = 4; event < 14; event++) {
            expected.add(NEXMARK_BASE.plusNanos(event * 1_000_000L).format(TIMESTAMP));
        }
        assertThat(rows).extracting(row -> row.get(2).asText()).containsExactlyElementsOf(expected);
        assertThat(last.get("state").asText()).isEqualTo("FINISHED");
        assertThat(queries.awaitState(queryId, "FINISHED").get("statement").asText()).endsWith("LIMIT 10");
        StreamingClient.awaitThreadsGone(queryId);
    }

    @Test
    void whenAWindowJoinRunsOverAnUnboundedSource_thenEachWindowsTopAuctionsStreamOutWhileItRuns() {
        String perAuction = "SELECT auction, window_start, window_end, COUNT(*) AS num FROM TABLE(TUMBLE(TABLE "
                + "live_bids, DESCRIPTOR(date_time), INTERVAL '1' SECOND)) GROUP BY auction, window_start, window_end";
        String queryId = queries.start("SELECT a.window_start, a.auction, a.num, m.maxn FROM (" + perAuction + ") a "
                + "JOIN (SELECT window_start, window_end, MAX(num) AS maxn FROM (" + perAuction + ") "
                + "GROUP BY window_start, window_end) m "
                + "ON a.window_start = m.window_start AND a.window_end = m.window_end AND a.num = m.maxn");

        try (WeirClient.LineStream stream = queries.stream(queryId)) {
            List<JsonNode> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rows.add(StreamingClient.nextRow(stream));
            }

            for (JsonNode row : rows) {
                assertThat(row.get(2).asLong()).isEqualTo(row.get(3).asLong()).isPositive();
                assertThat(LocalDateTime.parse(row.get(0).asText(), TIMESTAMP)).isAfterOrEqualTo(NEXMARK_BASE);
            }
            assertThat(queries.state(queryId)).isEqualTo("RUNNING");
        } finally {
            queries.cancel(queryId);
        }
        StreamingClient.awaitThreadsGone(queryId);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"discarded", "printed"})
    void whenAnUnboundedInsertRuns_thenItIsDetachedAndItsMetricsGrowUntilItIsDeleted(String sink) {
        JsonNode answer = client.ok("INSERT INTO " + sink + " SELECT auction, price FROM ticking_bids");
        String queryId = answer.get("queryId").asText();
        assertThat(answer.get("mode").asText()).isEqualTo("streaming");
        assertThat(answer.get("state").asText()).isEqualTo("RUNNING");

        String rowsRead = "Scan(ticking_bids).records_out";
        Await.until("rows are read", () -> queries.metric(queryId, rowsRead) > 0);
        long first = queries.metric(queryId, rowsRead);
        Await.until("more rows are read", () -> queries.metric(queryId, rowsRead) > first);
        assertThat(queries.state(queryId)).isEqualTo("RUNNING");
        assertThat(sinkRowsIn(queryId, sink)).isPositive();

        queries.cancel(queryId);
        assertThat(queries.awaitState(queryId, "CANCELED").get("state").asText()).isEqualTo("CANCELED");
        StreamingClient.awaitThreadsGone(queryId);
    }

    /** The rows the sink operator of a running query has taken in, from its per-operator statistics. */
    private static long sinkRowsIn(String queryId, String sink) {
        for (JsonNode operator : queries.describe(queryId).get("operators")) {
            if (operator.get("name").asText().equals("Sink(" + sink + ")")) {
                return operator.get("recordsIn").asLong();
            }
        }
        throw new AssertionError("No operator Sink(" + sink + ") in " + queries.describe(queryId));
    }

    @Test
    void whenTheResultStreamClientCloses_thenTheQueryIsCanceledAndItsThreadsAreGone() {
        String queryId = queries.start("SELECT user_id, url FROM clicks");
        WeirClient.LineStream stream = queries.stream(queryId);
        StreamingClient.nextRow(stream);
        assertThat(StreamingClient.hasThreads(queryId)).isTrue();

        stream.close();

        assertThat(queries.awaitState(queryId, "CANCELED").get("state").asText()).isEqualTo("CANCELED");
        StreamingClient.awaitThreadsGone(queryId);
        assertThat(client.get("/v1/queries").body().get("queries").toString()).contains(queryId);
    }
}
