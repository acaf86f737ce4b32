package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process itself is killed with SIGKILL while a continuous INSERT with checkpoints runs, and started
 * again on the same data dir, twice: each time it resumes the query from its latest complete checkpoint, and when
 * the input is exhausted the PostgreSQL table equals the batch result exactly.
 */
class ServerKillTest {

    /** Kills of the server process; the {@code soak} profile raises it. */
    private static final int KILLS = Integer.getInteger("weir.soak.kills", 2);

    @TempDir
    Path dataDir;

    @Test
    void whenTheServerIsKilledAndRestarted_thenTheQueryResumesAndWritesEveryRowOnce() throws Exception {
        String table = "eo_windows_kills";
        ExactlyOnceTest.recreate(table);
        int port = ServerProcess.freePort();
        WeirClient client = new WeirClient(port);
        Process server = ServerProcess.start(dataDir, port);
        String queryId;
        try {
            ExactlyOnceTest.createTables(client, table, ExactlyOnceTest.EVENTS);
            queryId = client.ok(ExactlyOnceTest.checkpointed() + "INSERT INTO sink SELECT * FROM ("
                    + ExactlyOnceTest.WINDOWS + ")").get("queryId").asText();
            for (int kill = 0; kill < KILLS; kill++) {
                ExactlyOnceTest.awaitCompletedCheckpoint(client, queryId);
                ServerProcess.kill(server);
                server = ServerProcess.start(dataDir, port);
            }
            JsonNode query = ExactlyOnceTest.awaitEnd(client, queryId);
            assertThat(query.get("state").asText()).as(query.toString()).isEqualTo("FINISHED");
            assertThat(ExactlyOnceTest.postgresRows(table)).isEqualTo(ExactlyOnceTest.batchRows(client)).isNotEmpty();
        } finally {
            ServerProcess.kill(server);
        }
    }

}
