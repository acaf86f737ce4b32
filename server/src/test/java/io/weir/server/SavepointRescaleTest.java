package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stop with savepoint, then start from it at another parallelism: a windowed INSERT into PostgreSQL runs at
 * parallelism 2, is stopped with a savepoint mid-stream (its sink commits what the savepoint covers), and the same
 * statement started from the savepoint at parallelism 1 or 3 finishes the input. The table then equals the batch
 * result exactly: window state moved to the subtasks that own its keys now, and the sources went on from the
 * savepoint's positions.
 */
class SavepointRescaleTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void whenAQueryStoppedWithASavepointRestartsFromItAtAnotherParallelism_thenItsResultIsUnchanged(int parallelism)
            throws Exception {
        String table = "eo_windows_rescale_" + parallelism;
        ExactlyOnceTest.recreate(table);
        try (WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());
            ExactlyOnceTest.createTables(client, table, 12_000);
            String insert = "INSERT INTO sink SELECT * FROM (" + ExactlyOnceTest.WINDOWS + ")";
            String first = client.ok(ExactlyOnceTest.checkpointed() + "SET 'parallelism.default' = '2'; " + insert)
                    .get("queryId").asText();
            ExactlyOnceTest.awaitCompletedCheckpoint(client, first);

            WeirClient.Answer stopped = client.post("/v1/queries/" + first + "/stop", "application/json", "{}");
            assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
            String savepoint = stopped.body().get("path").asText();
            assertThat(Files.exists(Path.of(savepoint, "_metadata"))).isTrue();
            assertThat(ExactlyOnceTest.awaitEnd(client, first).get("state").asText()).isEqualTo("FINISHED");
            assertThat(ExactlyOnceTest.postgresRows(table)).as("windows written before the stop")
                    .isNotEqualTo(ExactlyOnceTest.batchRows(client));

            String second = client.ok(ExactlyOnceTest.checkpointed() + "SET 'parallelism.default' = '" + parallelism
                    + "'; SET 'execution.savepoint.path' = '" + savepoint + "'; " + insert).get("queryId").asText();
            JsonNode query = ExactlyOnceTest.awaitEnd(client, second);

            assertThat(query.get("state").asText()).as(query.toString()).isEqualTo("FINISHED");
            assertThat(query.get("parallelism").asInt()).isEqualTo(parallelism);
            assertThat(ExactlyOnceTest.postgresRows(table)).isEqualTo(ExactlyOnceTest.batchRows(client));
        }
    }
}
