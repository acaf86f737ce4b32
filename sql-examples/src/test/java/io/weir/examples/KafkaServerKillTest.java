package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.server.Await;
import io.weir.server.ServerProcess;
import io.weir.server.WeirClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once from Kafka to Kafka across a killed server: a server process (its own JVM) runs a continuous
 * {@code INSERT INTO b SELECT ... FROM a} with {@code 'sink.delivery-guarantee' = 'exactly-once'} and checkpoints
 * every 300 ms while records keep coming into A; it is killed with SIGKILL after a completed checkpoint, twice,
 * and started again on the same data dir, where it resumes the query from its latest checkpoint. A
 * {@code read_committed} consumer of B then sees every record of A exactly once: none that a killed process had
 * received but not committed is lost, none that it committed is written again.
 */
class KafkaServerKillTest {

    /** Kills of the server process; the {@code soak} profile raises it. */
    private static final int KILLS = Integer.getInteger("weir.soak.kills", 2);
    /** Records written to A per run of the server (KILLS + 1 runs). */
    private static final int RECORDS_PER_RUN = 600;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void whenTheServerIsKilledWhileCopyingATopic_thenAReadCommittedConsumerSeesEachRecordOnce() throws Exception {
        int records = RECORDS_PER_RUN * (KILLS + 1);
        int port = ServerProcess.freePort();
        WeirClient client = new WeirClient(port);
        try (KafkaBroker kafka = KafkaBroker.start()) {
            kafka.createTopic("kill-in", 2);
            kafka.createTopic("kill-out", 2);
            Process server = ServerProcess.start(dataDir, port);
            try {
                client.ok("CREATE TABLE a (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = 'kill-in', "
                        + "'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'json', "
                        + "'scan.startup.mode' = 'earliest-offset')");
                client.ok("CREATE TABLE b (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = "
                        + "'kill-out', 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', "
                        + "'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', "
                        + "'sink.transactional-id-prefix' = 'kill-copy')");
                String queryId = client.ok("SET 'execution.runtime-mode' = 'streaming'; "
                        + "SET 'execution.checkpointing.interval' = '300 ms'; "
                        + "SET 'parallelism.default' = '2'; "
                        + "SET 'restart-strategy.type' = 'fixed-delay'; "
                        + "SET 'restart-strategy.fixed-delay.attempts' = '20'; "
                        + "SET 'restart-strategy.fixed-delay.delay' = '100 ms'; "
                        + "INSERT INTO b SELECT id, name FROM a").get("queryId").asText();

                // Records keep arriving (about 600 per 3 s) while the server is killed and restarted.
                Thread producer = new Thread(() -> produce(kafka, records), "kill-test-producer");
                producer.start();
                try {
                    for (int kill = 0; kill < KILLS; kill++) {
                        awaitCheckpointAfter(client, queryId, -1);
                        ServerProcess.kill(server);
                        server = ServerProcess.start(dataDir, port);
                    }
                } finally {
                    producer.join();
                }

                Await.until("every record of A committed to B",
                        () -> kafka.readCommitted("kill-out").size() >= records);
                // Two more checkpoints complete after that: a duplicate would have been committed by then.
                long last = awaitCheckpointAfter(client, queryId, -1);
                awaitCheckpointAfter(client, queryId, last + 1);
                assertThat(ids(kafka.readCommitted("kill-out")))
                        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, records).boxed().toList());
                client.delete("/v1/queries/" + queryId);
            } finally {
                ServerProcess.kill(server);
            }
        }
    }

    /** Writes records {@code 1 .. count} to A's two partitions, 20 every 100 ms, as a live producer would. */
    private static void produce(KafkaBroker kafka, int count) {
        try {
            for (int id = 1; id <= count; id++) {
                kafka.produce("kill-in", id % 2, "{\"id\": " + id + ", \"name\": \"record " + id + "\"}");
                if (id % 20 == 0) {
                    kafka.flush();
                    Thread.sleep(100);
                }
            }
            kafka.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the running query (in the server's current run) has completed a checkpoint with an id above
     * {@code above}; returns that id.
     */
    private static long awaitCheckpointAfter(WeirClient client, String queryId, long above) {
        long[] completed = {-1};
        Await.until("a completed checkpoint of " + queryId + " above " + above, () -> {
            JsonNode query = client.get("/v1/queries/" + queryId).body();
            for (JsonNode checkpoint : query.path("checkpoints")) {
                if (checkpoint.path("status").asText().equals("COMPLETED") && checkpoint.path("id").asLong() > above
                        && !checkpoint.path("savepoint").asBoolean()) {
                    completed[0] = checkpoint.path("id").asLong();
                    return true;
                }
            }
            return false;
        });
        return completed[0];
    }

    private static List<Long> ids(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            Matcher id = ID.matcher(value);
            assertThat(id.find()).as(value).isTrue();
            ids.add(Long.parseLong(id.group(1)));
        }
        return ids;
    }
}
