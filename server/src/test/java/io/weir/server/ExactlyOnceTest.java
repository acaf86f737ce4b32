package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.executor.runtime.FaultInjection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly-once end to end: a continuous INSERT reads two throttled Nexmark bid tables through a UNION ALL (so
 * barriers align), computes tumbling-window aggregates and writes them to PostgreSQL with checkpoints every few
 * hundred milliseconds. Tasks fail at random points (between elements, at a barrier, while a snapshot is written,
 * at a commit); the job restarts from its latest checkpoint each time. When the input is exhausted the PostgreSQL
 * table equals, row for row, the batch result of the same SELECT: nothing lost, nothing duplicated (the table has
 * no key, so a duplicate would show). The same holds when the two tables are aggregated apart and joined.
 *
 * <p>The default suite runs a short version; the {@code soak} profile ({@code mvn -P soak -pl server -am verify})
 * sets {@code weir.soak.events} and {@code weir.soak.fault-rounds} for a long one.
 */
class ExactlyOnceTest {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The windowed aggregate every run computes; the batch run of it is the expected table. */
    static final String WINDOWS = "SELECT window_start, window_end, COUNT(*) AS bids, SUM(price) AS volume "
            + "FROM TABLE(TUMBLE(TABLE all_bids, DESCRIPTOR(date_time), INTERVAL '2' SECOND)) "
            + "GROUP BY window_start, window_end";
    /**
     * The same windows of each bid table on its own, joined back together on window_start only: a regular join,
     * whose state (every window row of both sides) lives across all checkpoints and restarts.
     */
    static final String JOINED_WINDOWS = "SELECT a.window_start, a.window_end, a.bids + b.bids AS bids, "
            + "a.volume + b.volume AS volume FROM (" + perWindow("bids_a") + ") a JOIN (" + perWindow("bids_b")
            + ") b ON a.window_start = b.window_start";

    private static String perWindow(String table) {
        return "SELECT window_start, window_end, COUNT(*) AS bids, SUM(price) AS volume "
                + "FROM TABLE(TUMBLE(TABLE " + table + ", DESCRIPTOR(date_time), INTERVAL '2' SECOND)) "
                + "GROUP BY window_start, window_end";
    }

    /** Events of each of the two bid tables. */
    static final int EVENTS = Integer.getInteger("weir.soak.events", 12_000);
    /** How many times the plan of four faults (element, barrier, asynchronous write, commit) runs. */
    static final int FAULT_ROUNDS = Integer.getInteger("weir.soak.fault-rounds", 1);

    @TempDir
    Path dataDir;

    @AfterEach
    void removeFaults() {
        FaultInjection.set(null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"windows over a union", "windows joined"})
    void whenTasksFailAtRandomPoints_thenThePostgresTableEqualsTheBatchResultExactly(String name) throws Exception {
        String select = name.equals("windows joined") ? JOINED_WINDOWS : WINDOWS;
        String table = name.equals("windows joined") ? "eo_join_faults" : "eo_windows_faults";
        recreate(table);
        try (WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());
            createTables(client, table, EVENTS);
            // Faults of each kind in turn, the k-th after k * 0.8 s, so that checkpoints complete in between.
            List<FaultInjection.Point> plan = new ArrayList<>();
            for (int round = 0; round < FAULT_ROUNDS; round++) {
                plan.addAll(List.of(FaultInjection.Point.ELEMENT, FaultInjection.Point.BARRIER,
                        FaultInjection.Point.ASYNC_WRITE, FaultInjection.Point.COMMIT));
            }
            List<FaultInjection.Point> injected = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            FaultInjection.set((point, task) -> {
                synchronized (injected) {
                    int k = injected.size();
                    if (k == plan.size() || point != plan.get(k) || System.nanoTime() - start < (k + 1) * 800_000_000L) {
                        return;
                    }
                    injected.add(point);
                }
                throw new IllegalStateException("injected fault at " + point + " in " + task);
            });
            String queryId = client.ok(checkpointed() + "INSERT INTO sink SELECT * FROM (" + select + ")")
                    .get("queryId").asText();

            JsonNode query = awaitEnd(client, queryId);

            assertThat(query.get("state").asText()).as(query.toString()).isEqualTo("FINISHED");
            assertThat(injected).as("faults injected").isEqualTo(plan);
            // A fault in a snapshot's write only fails that checkpoint; the others fail a task and restart the job.
            assertThat(query.get("restarts").asInt()).isEqualTo(3 * FAULT_ROUNDS);
            FaultInjection.set(null);
            assertThat(postgresRows(table)).isEqualTo(batchRows(client, select)).isNotEmpty();
        }
    }

    static String checkpointed() {
        return "SET 'execution.runtime-mode' = 'streaming'; "
                + "SET 'execution.checkpointing.interval' = '300 ms'; "
                + "SET 'execution.checkpointing.tolerable-failed-checkpoints' = '5'; "
                + "SET 'restart-strategy.type' = 'fixed-delay'; "
                + "SET 'restart-strategy.fixed-delay.attempts' = '20'; "
                + "SET 'restart-strategy.fixed-delay.delay' = '100 ms'; ";
    }

    /** Two throttled bid tables of {@code events} events each, their union, and the PostgreSQL sink. */
    static void createTables(WeirClient client, String pgTable, int events) {
        for (String name : List.of("bids_a", "bids_b")) {
            client.ok("CREATE TABLE " + name + " (auction BIGINT, price BIGINT, date_time TIMESTAMP(3), "
                    + "WATERMARK FOR date_time AS date_time - INTERVAL '1' SECOND) WITH ('connector' = 'nexmark', "
                    + "'nexmark.table' = 'bid', 'events.num' = '" + events + "', 'rows-per-second' = '2000', "
                    + "'first-event.rate' = '1000', 'seed' = '" + (name.endsWith("a") ? 1 : 2) + "')");
        }
        client.ok("CREATE VIEW all_bids AS SELECT auction, price, date_time FROM bids_a "
                + "UNION ALL SELECT auction, price, date_time FROM bids_b");
        client.ok("CREATE TABLE sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), bids BIGINT, volume BIGINT)"
                + " WITH ('connector' = 'jdbc', 'url' = '" + POSTGRES + "', 'table-name' = '" + pgTable + "', "
                + "'username' = 'postgres')");
    }

    static JsonNode awaitEnd(WeirClient client, String queryId) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            JsonNode query = client.get("/v1/queries/" + queryId).body();
            String state = query.path("state").asText();
            if (!state.equals("RUNNING") && !state.equals("RESTARTING") && !state.equals("CREATED")) {
                return query;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Query " + queryId + " did not end: " + query);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the running query has completed a checkpoint since it last (re)started. */
    static void awaitCompletedCheckpoint(WeirClient client, String queryId) {
        Await.until("a completed checkpoint of " + queryId, () -> {
            JsonNode query = client.get("/v1/queries/" + queryId).body();
            for (JsonNode checkpoint : query.path("checkpoints")) {
                if (checkpoint.path("status").asText().equals("COMPLETED")) {
                    return true;
                }
            }
            return false;
        });
    }

    static void recreate(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (window_start TIMESTAMP(3), window_end TIMESTAMP(3), bids BIGINT, "
                    + "volume BIGINT)");
        }
    }

    static List<String> postgresRows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT window_start, window_end, bids, volume FROM " + table)) {
            while (rs.next()) {
                rows.add(rs.getTimestamp(1).toLocalDateTime() + " " + rs.getTimestamp(2).toLocalDateTime() + " "
                        + rs.getLong(3) + " " + rs.getLong(4));
            }
        }
        Collections.sort(rows);
        return rows;
    }

    static List<String> batchRows(WeirClient client) {
        return batchRows(client, WINDOWS);
    }

    static List<String> batchRows(WeirClient client, String select) {
        JsonNode rows = client.ok("SET 'execution.runtime-mode' = 'batch'; " + select).get("rows");
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) {
            out.add(LocalDateTime.parse(row.get(0).asText().replace(' ', 'T')) + " "
                    + LocalDateTime.parse(row.get(1).asText().replace(' ', 'T')) + " " + row.get(2).asLong()
                    + " " + row.get(3).asLong());
        }
        Collections.sort(out);
        return out;
    }
}
