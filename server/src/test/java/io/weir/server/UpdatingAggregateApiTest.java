package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GROUP BY over an unbounded input through the HTTP API: a continuous SELECT shows its result as a changelog
 * ({@code +I}, then {@code -U}/{@code +U} pairs; a GROUP BY over it also {@code -D}), an INSERT of it into PostgreSQL upserts by the table's primary key
 * with checkpoints on, and what cannot take updates is refused at submit with a 400.
 */
class UpdatingAggregateApiTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirClient client;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir);
        client = new WeirClient(server.port());
        client.ok("CREATE TABLE clicks (k INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ("
                + "'connector' = 'datagen', 'rows-per-second' = '200', 'fields.k.min' = '0', 'fields.k.max' = '2')");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void whenAContinuousGroupByRuns_thenItsResultsAreInsertsThenUpdatePairsOfTheSameKey() {
        JsonNode answer = client.ok("SELECT k, COUNT(*) AS n FROM clicks GROUP BY k");
        String queryId = answer.get("queryId").asText();
        assertThat(answer.get("mode").asText()).isEqualTo("streaming");

        List<JsonNode> rows = new ArrayList<>();
        long token = 0;
        while (rows.stream().filter(r -> r.get("op").asText().equals("+U")).count() < 6) {
            JsonNode page = client.get("/v1/queries/" + queryId + "/results?token=" + token).body();
            page.get("rows").forEach(rows::add);
            token = page.get("nextToken").asLong();
        }
        client.delete("/v1/queries/" + queryId);

        // Each -U retracts exactly the row last shown for its key, and is followed by that key's +U with a higher count.
        Map<Integer, JsonNode> shown = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i).get("row");
            int key = row.get(0).asInt();
            switch (rows.get(i).get("op").asText()) {
                case "+I" -> assertThat(shown.put(key, row)).as("first row of key %d", key).isNull();
                case "-U" -> {
                    assertThat(row).isEqualTo(shown.get(key));
                    JsonNode next = rows.get(i + 1);
                    assertThat(next.get("op").asText()).isEqualTo("+U");
                    assertThat(next.get("row").get(0).asInt()).isEqualTo(key);
                    assertThat(next.get("row").get(1).asLong()).isGreaterThan(row.get(1).asLong());
                }
                case "+U" -> shown.put(key, row);
                default -> throw new AssertionError("unexpected row " + rows.get(i));
            }
        }
        assertThat(shown.keySet()).isSubsetOf(0, 1, 2);
    }

    @Test
    void whenAGroupByReadsAGroupBy_thenGroupsLeftWithoutRowsAreDeletedAndTheChangelogStaysConsistent() {
        // How many keys have each count: as a key's count grows it leaves its old count's group, often the last one.
        JsonNode answer = client.ok("SELECT n, COUNT(*) AS keys, MIN(k) AS first_key FROM ("
                + "SELECT k, COUNT(*) AS n FROM clicks GROUP BY k) GROUP BY n");
        String queryId = answer.get("queryId").asText();

        List<JsonNode> rows = new ArrayList<>();
        long token = 0;
        while (rows.stream().filter(r -> r.get("op").asText().equals("-D")).count() < 3) {
            JsonNode page = client.get("/v1/queries/" + queryId + "/results?token=" + token).body();
            page.get("rows").forEach(rows::add);
            token = page.get("nextToken").asLong();
        }
        client.delete("/v1/queries/" + queryId);

        // Every -U and -D retracts exactly the row last shown for its count; every shown row has a key.
        Map<Long, JsonNode> shown = new HashMap<>();
        for (JsonNode change : rows) {
            JsonNode row = change.get("row");
            long n = row.get(0).asLong();
            switch (change.get("op").asText()) {
                case "+I", "+U" -> {
                    assertThat(row.get(1).asLong()).as("keys with count %d", n).isBetween(1L, 3L);
                    assertThat(shown.put(n, row)).as("row shown for %d before %s", n, change)
                            .matches(old -> change.get("op").asText().equals("+I") == (old == null));
                }
                case "-U" -> assertThat(row).isEqualTo(shown.get(n));
                case "-D" -> assertThat(row).isEqualTo(shown.remove(n));
                default -> throw new AssertionError("unexpected row " + change);
            }
        }
    }

    @Test
    void whenAnUpdatingResultIsInsertedIntoAnAppendOnlyTable_thenSubmitIsA400NamingTheTable() {
        client.ok("CREATE TABLE click_counts (k INT, n BIGINT)");

        WeirClient.Answer answer = client.sql("INSERT INTO click_counts SELECT k, COUNT(*) FROM clicks GROUP BY k");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorMessage()).contains("Table 'click_counts'").contains("accepts only inserted rows");
    }

    @Test
    void whenAWindowAggregateReadsAGroupBy_thenSubmitIsA400SayingTheWindowCannotReadUpdates() {
        client.ok("CREATE VIEW per_instant AS SELECT ts, COUNT(*) AS n FROM clicks GROUP BY ts");

        WeirClient.Answer answer = client.sql("SELECT window_start, SUM(n) FROM TABLE(TUMBLE(TABLE per_instant, "
                + "DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorMessage())
                .startsWith("A window table function (TUMBLE, HOP, CUMULATE, SESSION) cannot read the updating result"
                        + " of a GROUP BY");
    }

    @Test
    void whenAJdbcTableHasNoPrimaryKey_thenSubmitIsA400SayingToDeclareOne() {
        client.ok("CREATE TABLE pg_no_key (k INT, n BIGINT) WITH ('connector' = 'jdbc', 'url' = '" + POSTGRES
                + "', 'table-name' = 'updating_no_key', 'username' = 'postgres')");

        WeirClient.Answer answer = client.sql("INSERT INTO pg_no_key SELECT k, COUNT(*) FROM clicks GROUP BY k");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorMessage()).contains("'pg_no_key' has no PRIMARY KEY")
                .contains("PRIMARY KEY (...) NOT ENFORCED");
    }

    @Test
    void whenAHavingFilteredUpdatingResultGoesToAnUpsertTable_thenSubmitIsA400() {
        client.ok("CREATE TABLE pg_busy (k INT, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'jdbc', "
                + "'url' = '" + POSTGRES + "', 'table-name' = 'updating_busy', 'username' = 'postgres')");

        WeirClient.Answer answer = client.sql("INSERT INTO pg_busy SELECT k, COUNT(*) FROM clicks GROUP BY k "
                + "HAVING COUNT(*) < 100");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorMessage()).contains("'pg_busy' upserts by its PRIMARY KEY").contains("HAVING");
    }

    @Test
    void whenAnUpdatingResultIsInsertedIntoAKeyedJdbcTableWithCheckpoints_thenTheTableEndsWithTheFinalAggregates()
            throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS updating_counts");
            statement.execute("CREATE TABLE updating_counts (k BIGINT PRIMARY KEY, n BIGINT, total BIGINT)");
        }
        client.ok("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '400', "
                + "'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '900')");
        client.ok("CREATE TABLE pg_counts (k BIGINT, n BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
                + "'connector' = 'jdbc', 'url' = '" + POSTGRES + "', 'table-name' = 'updating_counts', "
                + "'username' = 'postgres')");

        String queryId = client.ok("SET 'execution.runtime-mode' = 'streaming'; "
                + "SET 'execution.checkpointing.interval' = '200 ms'; "
                + "INSERT INTO pg_counts SELECT n % 3, COUNT(*), SUM(n) FROM numbers GROUP BY n % 3")
                .get("queryId").asText();
        ExactlyOnceTest.awaitCompletedCheckpoint(client, queryId);
        Await.until("the insert finishes", () -> client.get("/v1/queries/" + queryId).body().get("state").asText()
                .equals("FINISHED"));

        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT k, n, total FROM updating_counts ORDER BY k")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
            }
        }
        // 1..900: 300 numbers of each remainder, 3, 6, .. 900 / 1, 4, .. 898 / 2, 5, .. 899.
        assertThat(rows).containsExactly("0 300 135450", "1 300 134850", "2 300 135150");
    }
}
