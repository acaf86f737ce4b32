package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog, managed rows and query ids survive a restart on the same data dir; checkpointed queries resume. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void whenServerRestarts_thenTablesViewsRowsAndQueriesRemain() throws Exception {
        String queryId;
        try (WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());
            client.ok("CREATE TABLE kept (id INT, note STRING)");
            client.ok("INSERT INTO kept VALUES (1, 'one'), (2, 'two')");
            client.ok("CREATE VIEW kept_view AS SELECT id * 10 AS tens FROM kept");
            client.ok("CREATE TABLE kept_gen (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
            queryId = client.ok("SELECT COUNT(*) FROM kept").get("queryId").asText();
        }
        try (WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());

            assertThat(client.ok("SELECT id, note FROM kept ORDER BY id").get("rows").toString())
                    .isEqualTo("[[1,\"one\"],[2,\"two\"]]");
            assertThat(client.ok("SELECT tens FROM kept_view ORDER BY tens").get("rows").toString())
                    .isEqualTo("[[10],[20]]");
            assertThat(client.ok("SELECT COUNT(*) FROM kept_gen").get("rows").toString()).isEqualTo("[[5]]");
            assertThat(client.get("/v1/queries/" + queryId).body().get("state").asText()).isEqualTo("FINISHED");
            assertThat(client.ok("SELECT COUNT(*) FROM orders").get("rows").toString())
                    .as("the demo table is seeded once, not again on restart").isEqualTo("[[10]]");
        }
    }

    @Test
    void whenServerStopsWhileAContinuousQueryRuns_thenAfterRestartItIsFailedAndItsResultsAreGone() throws Exception {
        TestPlans plans = new TestPlans();
        plans.register("endless", new TapSource());
        String queryId;
        try (WeirServer server = TestServers.start(dataDir, java.util.Map.of(), plans)) {
            queryId = new WeirClient(server.port()).ok("SELECT * FROM endless").get("queryId").asText();
        }
        try (WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());

            var query = client.get("/v1/queries/" + queryId).body();
            assertThat(query.get("state").asText()).isEqualTo("FAILED");
            assertThat(query.get("error").asText()).contains("server stopped");
            assertThat(client.get("/v1/queries/" + queryId + "/results").status()).isEqualTo(410);
        }
    }

    @Test
    void whenServerStopsWhileACheckpointedSelectRuns_thenAfterRestartItRunsAgainFromItsCheckpoint() throws Exception {
        String queryId;
        try (WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());
            client.ok("CREATE TABLE ticks (auction BIGINT, price BIGINT) WITH ('connector' = 'nexmark', "
                    + "'nexmark.table' = 'bid', 'rows-per-second' = '500')");
            queryId = client.ok("SET 'execution.checkpointing.interval' = '200 ms'; SELECT auction, price FROM ticks")
                    .get("queryId").asText();
            ExactlyOnceTest.awaitCompletedCheckpoint(client, queryId);
        }
        try (WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());

            var query = client.get("/v1/queries/" + queryId).body();
            assertThat(query.get("state").asText()).as(query.toString()).isEqualTo("RUNNING");
            assertThat(client.get("/v1/queries/" + queryId + "/results?token=0").body().get("rows"))
                    .as("the resumed query's results, for its client to read again").isNotEmpty();
            assertThat(client.delete("/v1/queries/" + queryId).status()).isEqualTo(200);
        }
    }
}
