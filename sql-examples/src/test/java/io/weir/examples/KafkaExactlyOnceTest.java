package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.executor.runtime.FaultInjection;
import io.weir.server.TestServers;
import io.weir.server.WeirClient;
import io.weir.server.WeirServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once from Kafka to Kafka through the HTTP API: a continuous INSERT copies topic A to topic B with
 * {@code 'sink.delivery-guarantee' = 'exactly-once'} and checkpoints every 300 ms, while an independent producer
 * writes A and tasks fail at a fixed plan of points (between elements, at a barrier, while a snapshot is written,
 * at a commit); the job restarts from its latest checkpoint each time. A {@code read_committed} consumer of B then
 * sees every record of A exactly once.
 */
class KafkaExactlyOnceTest {

    private static final int RECORDS = 3_000;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @TempDir
    Path dataDir;

    @AfterEach
    void removeFaults() {
        FaultInjection.set(null);
    }

    @Test
    void whenTasksFailWhileCopyingATopic_thenAReadCommittedConsumerSeesEachRecordOnce() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(); WeirServer server = TestServers.start(dataDir)) {
            WeirClient client = new WeirClient(server.port());
            StreamingClient queries = new StreamingClient(client);
            kafka.createTopic("eo-in", 2);
            kafka.createTopic("eo-out", 2);
            client.ok("CREATE TABLE a (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = 'eo-in', "
                    + "'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'json', "
                    + "'scan.startup.mode' = 'earliest-offset')");
            client.ok("CREATE TABLE b (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = 'eo-out', "
                    + "'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'json', "
                    + "'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'eo-copy')");
            List<FaultInjection.Point> plan = List.of(FaultInjection.Point.ELEMENT, FaultInjection.Point.BARRIER,
                    FaultInjection.Point.ASYNC_WRITE, FaultInjection.Point.COMMIT);
            List<FaultInjection.Point> injected = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            // One fault of each kind, the k-th after k * 0.8 s, so that checkpoints complete in between.
            FaultInjection.set((point, task) -> {
                synchronized (injected) {
                    int k = injected.size();
                    if (k == plan.size() || point != plan.get(k)
                            || System.nanoTime() - start < (k + 1) * 800_000_000L) {
                        return;
                    }
                    injected.add(point);
                }
                throw new IllegalStateException("injected fault at " + point + " in " + task);
            });
            String queryId = queries.start("SET 'execution.runtime-mode' = 'streaming'; "
                    + "SET 'execution.checkpointing.interval' = '300 ms'; "
                    + "SET 'execution.checkpointing.tolerable-failed-checkpoints' = '5'; "
                    + "SET 'restart-strategy.type' = 'fixed-delay'; "
                    + "SET 'restart-strategy.fixed-delay.attempts' = '20'; "
                    + "SET 'restart-strategy.fixed-delay.delay' = '100 ms'; "
                    + "INSERT INTO b SELECT id, name FROM a");

            // Records keep coming while the faults happen: 3,000 over about 5 s.
            for (int id = 1; id <= RECORDS; id++) {
                kafka.produce("eo-in", id % 2, "{\"id\": " + id + ", \"name\": \"record " + id + "\"}");
                if (id % 60 == 0) {
                    kafka.flush();
                    Thread.sleep(100);
                }
            }
            kafka.flush();
            awaitCommitted(kafka, injected, plan.size());

            queries.cancel(queryId);
            JsonNode query = queries.awaitState(queryId, "CANCELED");
            FaultInjection.set(null);

            assertThat(injected).as("faults injected").isEqualTo(plan);
            // A fault in a snapshot's write only fails that checkpoint; the others fail a task and restart the job.
            assertThat(query.get("restarts").asInt()).as(query.toString()).isEqualTo(3);
            assertThat(ids(kafka.readCommitted("eo-out")))
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, RECORDS).boxed().toList());
        }
    }

    /** Waits until every fault happened and B holds at least every record of A (generous deadline). */
    private static void awaitCommitted(KafkaBroker kafka, List<FaultInjection.Point> injected, int faults)
            throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (injected.size() < faults || kafka.readCommitted("eo-out").size() < RECORDS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + kafka.readCommitted("eo-out").size() + " records committed after "
                        + injected + " faults");
            }
            Thread.sleep(200);
        }
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
