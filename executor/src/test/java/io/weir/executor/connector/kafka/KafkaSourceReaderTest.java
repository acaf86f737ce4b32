package io.weir.executor.connector.kafka;

import static io.weir.executor.connector.kafka.KafkaTables.json;
import static io.weir.executor.connector.kafka.KafkaTables.millis;
import static io.weir.executor.connector.kafka.KafkaTables.open;
import static io.weir.executor.connector.kafka.KafkaTables.pollUntil;
import static io.weir.executor.connector.kafka.KafkaTables.readToEnd;
import static io.weir.executor.connector.kafka.KafkaTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.InputStatus;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.data.Chunk;
import io.weir.executor.testing.FakeOperatorContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestCluster.Extension.class)
class KafkaSourceReaderTest {

    private static final long BASE = 1_700_000_000_000L;

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void connect(KafkaTestCluster cluster) {
        kafka = cluster;
    }

    /**
     * Sends {@code perPartition} records to each partition, with event times out of order within and across
     * partitions; record {@code i} of partition {@code p} has id {@code p * 100 + i}. Returns the ids.
     */
    private static Set<Long> produceSpread(String topic, int partitions, int perPartition) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < perPartition; i++) {
            for (int p = 0; p < partitions; p++) {
                long id = p * 100L + i;
                long ts = BASE + ((i * 7L + p * 3L) % 10) * 1000;
                kafka.produce(topic, p, ts, json(id, p, ts, "r" + id));
                ids.add(id);
            }
        }
        kafka.flush();
        return ids;
    }

    private static List<Long> ids(CollectingOutput out) {
        List<Long> ids = new ArrayList<>();
        for (List<Object> row : out.rows(KafkaTables.TYPES)) {
            ids.add((Long) row.get(0));
        }
        return ids;
    }

    private static String servers() {
        return kafka.bootstrapServers();
    }

    @Test
    void whenRecordsAreSpreadOverThreePartitions_thenAllArriveEachChunkTaggedWithItsPartitionsSplit() throws Exception {
        String topic = kafka.newTopic("spread", 3);
        Set<Long> expected = produceSpread(topic, 3, 20);

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "earliest-offset"),
                new FakeOperatorContext(0, 1, 8))) {
            CollectingOutput out = pollUntil(reader, new CollectingOutput(), 60);

            assertThat(reader.splitCount()).isEqualTo(3);
            assertThat(List.of(reader.partitionOf(0), reader.partitionOf(1), reader.partitionOf(2)))
                    .containsExactly(0, 1, 2);
            assertThat(ids(out)).hasSize(60).containsExactlyInAnyOrderElementsOf(expected);
            long[] lastIdPerSplit = {-1, -1, -1};
            for (int c = 0; c < out.chunks.size(); c++) {
                Chunk chunk = out.chunks.get(c);
                int split = out.splits.get(c);
                assertThat(chunk.size()).isBetween(1, 8);
                for (int row = 0; row < chunk.size(); row++) {
                    assertThat(chunk.longColumn(1).get(row)).as("partition of a row in split " + split)
                            .isEqualTo(reader.partitionOf(split));
                    long id = chunk.longColumn(0).get(row);
                    assertThat(id).as("ids of a partition come in offset order").isGreaterThan(lastIdPerSplit[split]);
                    lastIdPerSplit[split] = id;
                    long ts = chunk.longColumn(2).get(row);
                    assertThat(ts).isEqualTo(BASE + (((id % 100) * 7 + (id / 100) * 3) % 10) * 1000);
                }
            }
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 20L, 1, 20L, 2, 20L));
            assertThat(reader.nextOffset(1)).isEqualTo(20L);
        }
    }

    @Test
    void whenParallelismIsTwo_thenSubtasksSharePartitionsByModuloAndEveryRecordIsReadOnce() throws Exception {
        String topic = kafka.newTopic("modulo", 3);
        Set<Long> expected = produceSpread(topic, 3, 5);
        ConnectorTable table = table(topic, servers(), "scan.startup.mode", "earliest-offset",
                "scan.bounded.mode", "latest-offset");

        List<Long> ids = new ArrayList<>();
        kafka.flush();
        try (KafkaSourceReader first = open(table, new FakeOperatorContext(0, 2, 1024));
                KafkaSourceReader second = open(table, new FakeOperatorContext(1, 2, 1024))) {
            assertThat(first.splitCount()).isEqualTo(2);
            assertThat(List.of(first.partitionOf(0), first.partitionOf(1))).containsExactly(0, 2);
            assertThat(second.splitCount()).isEqualTo(1);
            assertThat(second.partitionOf(0)).isEqualTo(1);
            ids.addAll(ids(readToEnd(first)));
            ids.addAll(ids(readToEnd(second)));
            assertThat(first.nextOffsets()).isEqualTo(Map.of(0, 5L, 2, 5L));
            assertThat(second.nextOffsets()).isEqualTo(Map.of(1, 5L));
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void whenASubtaskGetsNoPartition_thenItHasNoSplitAndNeverReadsOrEndsIfBounded() throws Exception {
        String topic = kafka.newTopic("few", 2);
        kafka.produce(topic, 0, BASE, json(1, 0, BASE, "a"));

        kafka.flush();
        try (KafkaSourceReader idle = open(table(topic, servers(), "scan.startup.mode", "earliest-offset"),
                new FakeOperatorContext(2, 3, 1024));
                KafkaSourceReader bounded = open(table(topic, servers(), "scan.startup.mode", "earliest-offset",
                        "scan.bounded.mode", "latest-offset"), new FakeOperatorContext(2, 3, 1024))) {
            assertThat(idle.splitCount()).isZero();
            assertThat(idle.pollNext(new CollectingOutput())).isEqualTo(InputStatus.NOTHING_AVAILABLE);
            assertThat(bounded.splitCount()).isZero();
            assertThat(bounded.pollNext(new CollectingOutput())).isEqualTo(InputStatus.END_OF_INPUT);
        }
    }

    @Test
    void whenBoundedByLatestOffset_thenRecordsProducedAfterOpenAreNotRead() throws Exception {
        String topic = kafka.newTopic("bounded", 2);
        Set<Long> before = produceSpread(topic, 2, 3);

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "earliest-offset",
                "scan.bounded.mode", "latest-offset"), new FakeOperatorContext(0, 1, 1024))) {
            kafka.produce(topic, 0, BASE, json(99, 0, BASE, "late"));
            kafka.produce(topic, 1, BASE, json(199, 1, BASE, "late"));
            kafka.flush();

            assertThat(ids(readToEnd(reader))).containsExactlyInAnyOrderElementsOf(before);
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 3L, 1, 3L));
        }
    }

    @Test
    void whenBoundedTopicIsEmpty_thenTheReaderEndsAtOnce() throws Exception {
        String topic = kafka.newTopic("empty", 2);

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "earliest-offset",
                "scan.bounded.mode", "latest-offset"), new FakeOperatorContext(0, 1, 1024))) {
            assertThat(reader.pollNext(new CollectingOutput())).isEqualTo(InputStatus.END_OF_INPUT);
        }
    }

    @Test
    void whenStartingAtLatestOffset_thenOnlyRecordsProducedAfterOpenAreRead() throws Exception {
        String topic = kafka.newTopic("latest", 2);
        produceSpread(topic, 2, 4);

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "latest-offset"),
                new FakeOperatorContext(0, 1, 1024))) {
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 4L, 1, 4L));
            kafka.produce(topic, 0, BASE, json(1000, 0, BASE, "new"));
            kafka.produce(topic, 1, BASE, json(1001, 1, BASE, "new"));
            kafka.produce(topic, 1, BASE, json(1002, 1, BASE, "new"));
            kafka.flush();

            CollectingOutput out = pollUntil(reader, new CollectingOutput(), 3);

            assertThat(ids(out)).containsExactlyInAnyOrder(1000L, 1001L, 1002L);
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 5L, 1, 6L));
        }
    }

    @Test
    void whenNoGroupHasCommittedAndNoResetIsSet_thenTheDefaultStartIsTheLatestOffset() throws Exception {
        String topic = kafka.newTopic("default-start", 1);
        produceSpread(topic, 1, 3);

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers()), new FakeOperatorContext(0, 1, 1024))) {
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 3L));
        }
    }

    @Test
    void whenStartingAtATimestamp_thenEachPartitionStartsAtItsFirstRecordAtOrAfterIt() throws Exception {
        String topic = kafka.newTopic("timestamp", 2);
        long[] partition0 = {1_000, 2_000, 1_500, 3_000};
        for (int i = 0; i < partition0.length; i++) {
            kafka.produce(topic, 0, BASE + partition0[i], json(i, 0, BASE + partition0[i], "p0"));
        }
        kafka.produce(topic, 1, BASE + 500, json(100, 1, BASE + 500, "p1"));

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "timestamp",
                "scan.startup.timestamp-millis", String.valueOf(BASE + 1_800), "scan.bounded.mode", "latest-offset"),
                new FakeOperatorContext(0, 1, 1024))) {
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 1L, 1, 1L));
            CollectingOutput out = readToEnd(reader);

            // From the first record at or after the timestamp on, whatever the times of the records after it.
            assertThat(ids(out)).containsExactly(1L, 2L, 3L);
            assertThat(out.rows(KafkaTables.TYPES).stream().map(row -> millis(row.get(2))).toList())
                    .containsExactly(BASE + 2_000, BASE + 1_500, BASE + 3_000);
        }
    }

    @Test
    void whenStartingAtGroupOffsets_thenCommittedOffsetsAreUsedAndOtherPartitionsFollowAutoOffsetReset()
            throws Exception {
        String topic = kafka.newTopic("group", 2);
        produceSpread(topic, 2, 5);
        kafka.commit("weir-test-group", topic, Map.of(0, 3L));

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "group-offsets",
                "properties.group.id", "weir-test-group", "properties.auto.offset.reset", "earliest",
                "scan.bounded.mode", "latest-offset"), new FakeOperatorContext(0, 1, 1024))) {
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 3L, 1, 0L));

            assertThat(ids(readToEnd(reader))).containsExactlyInAnyOrder(3L, 4L, 100L, 101L, 102L, 103L, 104L);
        }
    }

    @Test
    void whenARecordIsNotJson_thenTheQueryFailsNamingTopicPartitionAndOffset() throws Exception {
        String topic = kafka.newTopic("bad", 2);
        kafka.produce(topic, 1, BASE, json(1, 1, BASE, "good"));
        kafka.produce(topic, 1, BASE, "{\"id\": 2, oops");

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "earliest-offset"),
                new FakeOperatorContext(0, 1, 1024))) {
            assertThatThrownBy(() -> pollUntil(reader, new CollectingOutput(), 2))
                    .isInstanceOf(WeirException.class)
                    .hasMessageStartingWith("Topic '" + topic + "', partition 1, offset 1: Invalid JSON: ")
                    .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.EXECUTION);
        }
    }

    @Test
    void whenAValueDoesNotFitItsColumn_thenTheErrorNamesTheRecordAndTheField() throws Exception {
        String topic = kafka.newTopic("bad-value", 1);
        kafka.produce(topic, 0, BASE, "{\"id\": \"abc\"}");

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "earliest-offset"),
                new FakeOperatorContext(0, 1, 1024))) {
            assertThatThrownBy(() -> pollUntil(reader, new CollectingOutput(), 1))
                    .hasMessage("Topic '" + topic + "', partition 0, offset 0, field 'id': Cannot read 'abc' as BIGINT");
        }
    }

    @Test
    void whenParseErrorsAreIgnored_thenBadRecordsAreSkippedAndCountedAndTombstonesYieldNoRow() throws Exception {
        String topic = kafka.newTopic("skip", 1);
        kafka.produce(topic, 0, BASE, json(1, 0, BASE, "a"));
        kafka.produce(topic, 0, BASE, "not json at all");
        kafka.produce(topic, 0, BASE, null);
        kafka.produce(topic, 0, BASE, "[1, 2]");
        kafka.produce(topic, 0, BASE, json(2, 0, BASE, "b"));
        FakeOperatorContext context = new FakeOperatorContext(0, 1, 1024);

        kafka.flush();
        try (KafkaSourceReader reader = open(table(topic, servers(), "scan.startup.mode", "earliest-offset",
                "scan.bounded.mode", "latest-offset", "json.ignore-parse-errors", "true"), context)) {
            assertThat(ids(readToEnd(reader))).containsExactly(1L, 2L);
            assertThat(context.counterValue(KafkaSourceReader.RECORDS_SKIPPED)).isEqualTo(2);
            assertThat(reader.nextOffsets()).isEqualTo(Map.of(0, 5L));
        }
    }

    @Test
    void whenTheFormatIsCsv_thenEachRecordIsOneCsvRow() throws Exception {
        String topic = kafka.newTopic("csv", 1);
        kafka.produce(topic, 0, BASE, "1,0,2023-11-14 22:13:20.000,\"a, quoted\"");
        kafka.produce(topic, 0, BASE, "2,0,,plain\n");
        kafka.flush();

        try (KafkaSourceReader reader = open(table(topic, servers(), "format", "csv", "scan.startup.mode",
                "earliest-offset", "scan.bounded.mode", "latest-offset"), new FakeOperatorContext(0, 1, 1024))) {
            List<List<Object>> rows = readToEnd(reader).rows(KafkaTables.TYPES);

            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsExactly(1L, 0L, rows.get(0).get(2), "a, quoted");
            assertThat(millis(rows.get(0).get(2))).isEqualTo(BASE);
            assertThat(rows.get(1)).containsExactly(2L, 0L, null, "plain");
        }
    }

    @Test
    void whenACsvValueHoldsMoreOrLessThanOneRecord_thenItIsABadRecord() throws Exception {
        String topic = kafka.newTopic("csv-bad", 1);
        kafka.produce(topic, 0, BASE, "1,0,,a\n2,0,,b");
        kafka.produce(topic, 0, BASE, "");
        kafka.produce(topic, 0, BASE, "3,0,,c");
        FakeOperatorContext context = new FakeOperatorContext(0, 1, 1024);
        ConnectorTable failing = table(topic, servers(), "format", "csv", "scan.startup.mode", "earliest-offset");
        ConnectorTable skipping = table(topic, servers(), "format", "csv", "scan.startup.mode", "earliest-offset",
                "scan.bounded.mode", "latest-offset", "csv.ignore-parse-errors", "true");
        kafka.flush();

        try (KafkaSourceReader reader = open(failing, new FakeOperatorContext(0, 1, 1024))) {
            assertThatThrownBy(() -> pollUntil(reader, new CollectingOutput(), 1))
                    .hasMessage("Topic '" + topic + "', partition 0, offset 0: Expected one CSV record, found more");
        }
        try (KafkaSourceReader reader = open(skipping, context)) {
            assertThat(ids(readToEnd(reader))).containsExactly(3L);
            assertThat(context.counterValue(KafkaSourceReader.RECORDS_SKIPPED)).isEqualTo(2);
        }
    }

    @Test
    void whenTheTopicDoesNotExist_thenOpeningFailsNamingIt() {
        ConnectorTable table = table("no-such-topic", servers());
        assertThatThrownBy(() -> open(table, new FakeOperatorContext(0, 1, 1024)))
                .isInstanceOf(WeirException.class)
                .hasMessage("Kafka topic 'no-such-topic' of table 't' does not exist (bootstrap servers '" + servers()
                        + "')");
    }
}
