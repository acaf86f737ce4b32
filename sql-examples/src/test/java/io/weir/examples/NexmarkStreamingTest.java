package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.server.TestServers;
import io.weir.server.WeirClient;
import io.weir.server.WeirServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every marked Nexmark query of {@code sql-examples/nexmark} (windows, joins, GROUP BYs) gives the same multiset of
 * rows when run through the streaming operators (windows fired by watermarks, late rows dropped) as through the
 * batch operators, at
 * parallelism 1 and 2, also when the bids come out of order within the watermark bound. The bid table is bounded
 * ({@code events.num}, default 1 million; raise it with {@code -Dnexmark.events=N}) and spread over minutes of event
 * time, so windows really open and close. Bids delayed beyond the bound are late: counted, and not emitted.
 */
class NexmarkStreamingTest {

    private static final Path QUERIES = Path.of("sql-examples", "nexmark");
    private static final long EVENTS = Long.getLong("nexmark.events", 1_000_000L);
    /** Events per second of event time: 1 million events span 200 s, i.e. 20 tumbling windows of 10 s. */
    private static final long RATE = 5_000;
    /** Shuffled groups of 3 s of event time: less than the tables' 4 s watermark bound, so no row is late. */
    private static final long SHUFFLE_GROUP = 3 * RATE;
    /** The shuffled table is smaller, to keep the test quick: 400 000 events span 80 s. */
    private static final long SHUFFLED_EVENTS = EVENTS * 2 / 5;
    private static final Pattern BID_TABLE = Pattern.compile("\\bTABLE bid\\b");

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirClient client;
    private static String lastQueryId;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServers.start(dataDir);
        client = new WeirClient(server.port());
        String tables = Files.readString(QUERIES.resolve("tables.sql"))
                .replace("${events}", Long.toString(EVENTS)).replace("${rate}", Long.toString(RATE));
        client.ok(tables);
        client.ok(Files.readString(QUERIES.resolve("tables_disorder.sql")).replace("${events}", Long.toString(EVENTS))
                .replace("${shuffled_events}", Long.toString(SHUFFLED_EVENTS)).replace("${rate}", Long.toString(RATE))
                .replace("${group}", Long.toString(SHUFFLE_GROUP)));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** The query files marked {@value #MARKER} (the directory also holds the benchmark's other queries). */
    static Stream<String> queries() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(f -> f.toString().endsWith(".sql") && marked(f))
                    .map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static final String MARKER = "-- checked: streaming equals batch";

    private static boolean marked(Path file) {
        try {
            return Files.readString(file).startsWith(MARKER);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The SELECT of a query file: a benchmark file ({@code qN.sql}) creates its sink and inserts into it, and the
     * SELECT is what follows its {@code INSERT INTO} line; any other file is the SELECT.
     */
    private static String select(String file) throws IOException {
        String text = Files.readString(QUERIES.resolve(file));
        int insert = text.indexOf("\nINSERT INTO ");
        return insert < 0 ? text : text.substring(text.indexOf('\n', insert + 1) + 1).strip().replaceAll(";$", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void streamingRunEqualsBatchRun(String file) throws IOException {
        String query = select(file);
        List<String> batch = run("batch", 1, query);
        assertThat(batch).as("the batch result of " + file).isNotEmpty();

        // Sorted lists compare as multisets in n log n (AssertJ's any-order comparison is quadratic).
        assertThat(run("streaming", 1, query)).as("streaming at parallelism 1").isEqualTo(batch);
        assertThat(run("streaming", 2, query)).as("streaming at parallelism 2").isEqualTo(batch);
        assertThat(run("batch", 2, query)).as("batch at parallelism 2").isEqualTo(batch);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void whenBidsComeShuffledWithinTheWatermarkBound_thenStreamingStillEqualsBatch(String file) throws IOException {
        String query = BID_TABLE.matcher(select(file)).replaceAll("TABLE bid_shuffled");
        List<String> batch = run("batch", 1, query);
        assertThat(batch).as("the batch result of " + file + " over bid_shuffled").isNotEmpty();

        assertThat(run("streaming", 1, query)).as("streaming at parallelism 1").isEqualTo(batch);
        assertThat(run("streaming", 2, query)).as("streaming at parallelism 2").isEqualTo(batch);
        assertThat(lateRecordsDropped()).as("late records of the last run").isZero();
    }

    /**
     * Per 10 s window, bids of a table where 1% of the events are set back by up to a minute. A bid that is late when
     * it reaches the window operators (at or below their watermark) is dropped and counted, so the streaming counts
     * plus the dropped rows give the batch total, and no window gets more rows than in batch. The windows before the
     * table's first event (2015-07-15 00:00:00) hold delayed bids only; in batch they hold over a thousand, in
     * streaming almost none: only bids that came before the first watermark escape being late. Watermarks are
     * emitted after every chunk here, so that "the first watermark" does not depend on the wall clock.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void whenBidsAreDelayedBeyondTheWatermarkBound_thenTheyAreCountedAndNotEmitted(int parallelism) {
        String query = "SELECT window_start, window_end, COUNT(*) AS bids\n"
                + "FROM TABLE(TUMBLE(TABLE bid_delayed, DESCRIPTOR(date_time), INTERVAL '10' SECOND))\n"
                + "GROUP BY window_start, window_end";
        Map<String, Long> batch = countsByWindow(run("batch", 1, query));

        Map<String, Long> streaming = countsByWindow(run("streaming", parallelism,
                "SET 'pipeline.auto-watermark-interval' = '0';\n" + query));
        long dropped = lateRecordsDropped();

        long batchTotal = batch.values().stream().mapToLong(Long::longValue).sum();
        assertThat(batchTotal).isEqualTo(EVENTS / 50 * 46 + Math.max(0, EVENTS % 50 - 4));
        assertThat(dropped).as("late records dropped").isPositive();
        assertThat(streaming.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(batchTotal - dropped);
        streaming.forEach((window, count) -> assertThat(count).as(window).isLessThanOrEqualTo(batch.get(window)));
        long lateOnlyInBatch = rowsBeforeTheFirstEvent(batch);
        assertThat(lateOnlyInBatch).isGreaterThan(1000);
        // Most are dropped. Not all: until every source subtask's first watermark has reached the window operator,
        // its watermark (the minimum over its channels) is still low, and a delayed row is not late yet.
        assertThat(rowsBeforeTheFirstEvent(streaming)).isLessThan(lateOnlyInBatch / 4);
    }

    /** Rows as {@code [window_start, window_end, count]} texts, to counts by window. */
    private static Map<String, Long> countsByWindow(List<String> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (String row : rows) {
            int comma = row.lastIndexOf(", ");
            counts.put(row.substring(0, comma), Long.parseLong(row.substring(comma + 2, row.length() - 1)));
        }
        return counts;
    }

    /** How many bids fell in windows that end at or before the tables' base time: only delayed bids do. */
    private static long rowsBeforeTheFirstEvent(Map<String, Long> counts) {
        long rows = 0;
        for (Map.Entry<String, Long> window : counts.entrySet()) {
            String end = window.getKey().split(", ")[1];
            if (end.compareTo("\"2015-07-15 00:00:00.000\"") <= 0) {
                rows += window.getValue();
            }
        }
        return rows;
    }

    /** The {@code late_records_dropped} metric of the last query run. */
    private static long lateRecordsDropped() {
        JsonNode query = client.get("/v1/queries/" + lastQueryId).body();
        assertThat(query.get("state").asText()).isEqualTo("FINISHED");
        return query.get("metrics").get("late_records_dropped").asLong();
    }

    private static List<String> run(String mode, int parallelism, String query) {
        JsonNode answer = client.ok("SET 'execution.runtime-mode' = '" + mode + "';\n"
                + "SET 'parallelism.default' = '" + parallelism + "';\n" + query);
        assertThat(answer.get("mode").asText()).isEqualTo(mode);
        lastQueryId = answer.get("queryId").asText();
        List<String> rows = new ArrayList<>();
        answer.get("rows").forEach(row -> rows.add(RowText.of(row)));
        rows.sort(null);
        return rows;
    }
}
