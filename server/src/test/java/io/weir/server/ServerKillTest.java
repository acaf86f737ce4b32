package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        int port = freePort();
        WeirClient client = new WeirClient(port);
        Process server = start(port);
        String queryId;
        try {
            ExactlyOnceTest.createTables(client, table, ExactlyOnceTest.EVENTS);
            queryId = client.ok(ExactlyOnceTest.checkpointed() + "INSERT INTO sink SELECT * FROM ("
                    + ExactlyOnceTest.WINDOWS + ")").get("queryId").asText();
            for (int kill = 0; kill < KILLS; kill++) {
                ExactlyOnceTest.awaitCompletedCheckpoint(client, queryId);
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                server = start(port);
            }
            JsonNode query = ExactlyOnceTest.awaitEnd(client, queryId);
            assertThat(query.get("state").asText()).as(query.toString()).isEqualTo("FINISHED");
            assertThat(ExactlyOnceTest.postgresRows(table)).isEqualTo(ExactlyOnceTest.batchRows(client)).isNotEmpty();
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A server in its own JVM, on the test's classpath, answering on {@code port}. */
    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                WeirServerMain.class.getName(), "--port", String.valueOf(port), "--data-dir", dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolveSibling(dataDir.getFileName() + "-server.log").toFile()))
                .start();
        WeirClient client = new WeirClient(port);
        Await.until("the server answers", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("The server process ended with " + process.exitValue());
            }
            try {
                return client.get("/v1/queries").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
