package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.server.TestServers;
import io.weir.server.WeirClient;
import io.weir.server.WeirServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous queries over a real Kafka broker, through the HTTP API: an independent producer writes JSON bids with
 * out-of-order event times; windowed queries over {@code kafka} tables stream their results to the client, and
 * match the batch result over the same records; an idle partition does not hold the windows back; bad records and
 * an unreachable broker give clear errors; a continuous INSERT writes a topic.
 */
class KafkaStreamingTest {

    /** 2024-01-01 00:00:00 UTC: the event time of the first bid. */
    private static final long T0 = 1_704_067_200_000L;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static KafkaBroker kafka;
    private static WeirServer server;
    private static WeirClient client;
    private static StreamingClient queries;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaBroker.start();
        server = TestServers.start(dataDir);
        client = new WeirClient(server.port());
        queries = new StreamingClient(client);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String newTopic(String prefix, int partitions) throws Exception {
        String topic = prefix + "-" + TOPICS.incrementAndGet();
        kafka.createTopic(topic, partitions);
        return topic;
    }

    /** A kafka table of bids on {@code topic} with a 2 s watermark bound; {@code options} are more WITH options. */
    private static String bidTable(String name, String topic, String options) {
        return "CREATE TABLE " + name + " (\n"
                + "  auction BIGINT, bidder BIGINT, price BIGINT, ts TIMESTAMP(3),\n"
                + "  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND\n"
                + ") WITH ('connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + kafka.bootstrapServers() + "', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset'"
                + options + ")";
    }

    private static String bid(long auction, long bidder, long price, long ts) {
        return "{\"auction\": " + auction + ", \"bidder\": " + bidder + ", \"price\": " + price + ", \"ts\": \""
                + TIMESTAMP.format(Instant.ofEpochMilli(ts)) + "\"}";
    }

    private static String text(long millis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(millis));
    }

    @Test
    void whenBidsArriveOutOfOrderOnThreePartitions_thenTheStreamedWindowsAreTheBatchResult() throws Exception {
        String topic = newTopic("bids", 3);
        client.ok(bidTable("bids_live", topic, "") + ";\n"
                + bidTable("bids_all", topic, ", 'scan.bounded.mode' = 'latest-offset'"));
        String query = "SELECT auction, window_start, window_end, COUNT(*) AS bids, MAX(price) AS top_price\n"
                + "FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(ts), INTERVAL '2' SECOND))\n"
                + "WHERE auction > 0\n"
                + "GROUP BY auction, window_start, window_end";
        String queryId = queries.start("SET 'parallelism.default' = '2';\n" + query.formatted("bids_live"));

        try (WeirClient.LineStream stream = queries.stream(queryId)) {
            // 600 bids over 30 s of event time, round robin over the partitions, each up to 1.5 s early: out of
            // order within a partition by less than the watermark bound, so none is late.
            Random random = new Random(42);
            for (int i = 0; i < 600; i++) {
                long ts = T0 + 50L * i - random.nextInt(1500);
                kafka.produce(topic, i % 3, bid(1 + random.nextInt(5), 100 + random.nextInt(20),
                        1 + random.nextInt(1000), ts));
                if (i == 300) {
                    kafka.flush();
                }
            }
            // A last record per partition, far ahead in event time, moves every partition's watermark past the
            // bids' windows (the WHERE keeps it out of the results).
            for (int p = 0; p < 3; p++) {
                kafka.produce(topic, p, bid(0, 0, 0, T0 + 60_000));
            }
            kafka.flush();
            List<String> batch = rows(client.ok(query.formatted("bids_all")).get("rows"));
            assertThat(batch).hasSizeGreaterThan(60);

            List<String> streamed = new ArrayList<>();
            while (streamed.size() < batch.size()) {
                streamed.add(RowText.of(StreamingClient.nextRow(stream)));
            }
            streamed.sort(null);

            assertThat(streamed).isEqualTo(batch);
            assertThat(queries.metric(queryId, "late_records_dropped")).isZero();
        } finally {
            queries.cancel(queryId);
        }
    }

    @Test
    void whenAPartitionFallsSilent_thenWindowsKeepClosingOnceTheIdleTimeoutPasses() throws Exception {
        String topic = newTopic("idle", 3);
        client.ok(bidTable("idle_bids", topic, ""));
        String queryId = queries.start("SET 'table.exec.source.idle-timeout' = '1 s';\n"
                + "SELECT window_start, window_end, COUNT(*) AS bids\n"
                + "FROM TABLE(TUMBLE(TABLE idle_bids, DESCRIPTOR(ts), INTERVAL '1' SECOND))\n"
                + "GROUP BY window_start, window_end");
        // The first 3 s of event time on all three partitions, 10 bids per partition per second.
        for (int i = 0; i < 90; i++) {
            kafka.produce(topic, i % 3, bid(1, 1, 1, T0 + i * 1000L / 30));
        }
        kafka.flush();
        // Then only partitions 0 and 1 go on: partition 2's watermark stays below 1 s of event time.
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produceOnTwoPartitions(topic, producing), "idle-test-producer");
        producer.start();
        try (WeirClient.LineStream stream = queries.stream(queryId)) {
            long past = T0 + 6_000;
            List<JsonNode> rows = StreamingClient.rowsUntil(stream,
                    row -> row.get(1).asText().compareTo(text(past)) >= 0);

            // The first second holds the bids of all three partitions, the silent one's included.
            assertThat(rows).extracting(JsonNode::toString)
                    .contains("[\"" + text(T0) + "\",\"" + text(T0 + 1000) + "\",30]");
            assertThat(rows).extracting(row -> row.get(2).asLong()).allMatch(count -> count > 0);
        } finally {
            producing.set(false);
            producer.join();
            queries.cancel(queryId);
        }
    }

    /** Bids every 100 ms of wall-clock time, 200 ms of event time apart, on partitions 0 and 1 only. */
    private static void produceOnTwoPartitions(String topic, AtomicBoolean producing) {
        try {
            for (int k = 0; k < 600 && producing.get(); k++) {
                long ts = T0 + 3_000 + 200L * k;
                kafka.produce(topic, 0, bid(1, 1, 1, ts));
                kafka.produce(topic, 1, bid(1, 1, 1, ts + 100));
                kafka.flush();
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void whenRecordsAreMalformedAndIgnored_thenTheyAreSkippedAndCounted() throws Exception {
        String topic = withMalformedRecords();
        client.ok("CREATE TABLE lenient (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = '" + topic
                + "', 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'json', "
                + "'scan.startup.mode' = 'earliest-offset', 'json.ignore-parse-errors' = 'true')");
        String queryId = queries.start("SELECT id, name FROM lenient");

        try (WeirClient.LineStream stream = queries.stream(queryId)) {
            List<JsonNode> rows = StreamingClient.rowsUntil(stream, row -> row.get(0).asLong() == 3);

            assertThat(rows.toString()).isEqualTo("[[1,\"one\"], [2,\"two\"], [3,\"three\"]]");
            assertThat(queries.metric(queryId, "records_skipped")).isEqualTo(2);
        } finally {
            queries.cancel(queryId);
        }
    }

    @Test
    void whenRecordsAreMalformedAndNotIgnored_thenTheQueryFailsNamingTopicPartitionAndOffset() throws Exception {
        String topic = withMalformedRecords();
        client.ok("CREATE TABLE strict (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = '" + topic
                + "', 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'json', "
                + "'scan.startup.mode' = 'earliest-offset')");
        String queryId = queries.start("SELECT id, name FROM strict");

        JsonNode query = queries.awaitState(queryId, "FAILED");

        assertThat(query.get("error").asText()).contains("Topic '" + topic + "', partition 0, offset 1: Invalid JSON");
        List<JsonNode> rows = new ArrayList<>();
        JsonNode last = queries.readToEnd(queryId, rows);
        assertThat(last.get("state").asText()).isEqualTo("FAILED");
        assertThat(last.get("error").asText()).contains("offset 1");
        StreamingClient.awaitThreadsGone(queryId);
    }

    /** A one-partition topic of JSON records 1, 2, 3 with a malformed record after each of the first two. */
    private static String withMalformedRecords() throws Exception {
        String topic = newTopic("malformed", 1);
        kafka.produce(topic, 0, "{\"id\": 1, \"name\": \"one\"}");
        kafka.produce(topic, 0, "{broken");
        kafka.produce(topic, 0, "{\"id\": 2, \"name\": \"two\"}");
        kafka.produce(topic, 0, "not json at all");
        kafka.produce(topic, 0, "{\"id\": 3, \"name\": \"three\"}");
        kafka.flush();
        return topic;
    }

    @Test
    void whenTheBrokerIsUnreachable_thenTheQueryFailsNamingItAndTheServerKeepsAnswering() {
        // The client timeout is shortened from its 10 s default to keep the test quick.
        client.ok("CREATE TABLE nowhere (id BIGINT) WITH ('connector' = 'kafka', 'topic' = 'events', "
                + "'properties.bootstrap.servers' = 'localhost:1', 'format' = 'json', "
                + "'properties.default.api.timeout.ms' = '1500')");
        String queryId = queries.start("SELECT id FROM nowhere");

        JsonNode query = queries.awaitState(queryId, "FAILED");

        assertThat(query.get("error").asText())
                .contains("Cannot start reading from Kafka (topic 'events', bootstrap servers 'localhost:1')");
        StreamingClient.awaitThreadsGone(queryId);
        assertThat(client.ok("SELECT 1 AS answer").get("rows").toString()).isEqualTo("[[1]]");
    }

    @Test
    void whenAContinuousInsertWritesAKafkaTable_thenAnotherConsumerReadsItsRecordsUntilItIsCancelled()
            throws Exception {
        String topic = newTopic("insert-out", 2);
        client.ok("CREATE TABLE live_bids (auction BIGINT, price BIGINT, date_time TIMESTAMP(3)) WITH ("
                + "'connector' = 'nexmark', 'nexmark.table' = 'bid', 'rows-per-second' = '200');\n"
                + "CREATE TABLE bids_topic (auction BIGINT, price BIGINT, date_time TIMESTAMP(3)) WITH ("
                + "'connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + kafka.bootstrapServers() + "', 'format' = 'json')");

        JsonNode answer = client.ok("INSERT INTO bids_topic SELECT auction, price, date_time FROM live_bids");
        String queryId = answer.get("queryId").asText();
        assertThat(answer.get("state").asText()).isEqualTo("RUNNING");

        List<String> records = kafka.consume(topic, 50);
        assertThat(records).hasSizeGreaterThanOrEqualTo(50);
        assertThat(WeirClient.LineStream.json(records.get(0)).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("auction", "price", "date_time");
        assertThat(queries.state(queryId)).isEqualTo("RUNNING");
        queries.cancel(queryId);
        assertThat(queries.awaitState(queryId, "CANCELED").get("state").asText()).isEqualTo("CANCELED");
        StreamingClient.awaitThreadsGone(queryId);
    }

    private static List<String> rows(JsonNode rows) {
        List<String> texts = new ArrayList<>();
        rows.forEach(row -> texts.add(RowText.of(row)));
        texts.sort(null);
        return texts;
    }
}
