package io.weir.executor.connector.kafka;

import static io.weir.executor.connector.kafka.KafkaTables.json;
import static io.weir.executor.connector.kafka.KafkaTables.pollUntil;
import static io.weir.executor.connector.kafka.KafkaTables.readToEnd;
import static io.weir.executor.connector.kafka.KafkaTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.testing.FakeOperatorContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestCluster.Extension.class)
class KafkaSourceCheckpointTest {

    private static final long BASE = 1_700_000_000_000L;

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void connect(KafkaTestCluster cluster) {
        kafka = cluster;
    }

    /** 20 records in each of {@code partitions} partitions; record i of partition p has id p * 100 + i. */
    private static List<Long> produce(String topic, int partitions) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int p = 0; p < partitions; p++) {
                long id = p * 100L + i;
                kafka.produce(topic, p, BASE + i, json(id, p, BASE + i, "r" + id));
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

    private static KafkaSourceReader restore(ConnectorTable table, Map<String, byte[]> positions, int subtask,
            int parallelism) throws Exception {
        KafkaSourceReader reader = (KafkaSourceReader) table.createSource().createReader(subtask, parallelism);
        reader.restorePositions(positions);
        reader.open(new FakeOperatorContext(subtask, parallelism, 4));
        return reader;
    }

    /** Reads part of the topic at {@code before} subtasks, snapshots, and reads the rest at {@code after}. */
    private static void readAcrossARestore(int before, int after) throws Exception {
        String topic = kafka.newTopic("restore", 3);
        List<Long> expected = produce(topic, 3);
        ConnectorTable unbounded = table(topic, kafka.bootstrapServers(), "scan.startup.mode", "earliest-offset");
        List<Long> read = new ArrayList<>();
        Map<String, byte[]> positions = new HashMap<>();
        for (int s = 0; s < before; s++) {
            try (KafkaSourceReader reader = KafkaTables.open(unbounded, new FakeOperatorContext(s, before, 4))) {
                read.addAll(ids(pollUntil(reader, new CollectingOutput(), 10)));
                positions.putAll(reader.snapshotPositions());
                // Rows read after the snapshot are lost with the failure and must be read again.
                pollUntil(reader, new CollectingOutput(), 4);
            }
        }
        assertThat(positions.keySet()).containsExactlyInAnyOrder(topic + "-0", topic + "-1", topic + "-2");

        ConnectorTable bounded = table(topic, kafka.bootstrapServers(), "scan.startup.mode", "earliest-offset",
                "scan.bounded.mode", "latest-offset");
        for (int s = 0; s < after; s++) {
            try (KafkaSourceReader reader = restore(bounded, positions, s, after)) {
                read.addAll(ids(readToEnd(reader)));
            }
        }
        assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void whenRestoredAtTheSameParallelism_thenEveryRecordIsReadOnce() throws Exception {
        readAcrossARestore(2, 2);
    }

    @Test
    void whenRestoredAtALowerParallelism_thenEveryRecordIsReadOnce() throws Exception {
        readAcrossARestore(2, 1);
    }

    @Test
    void whenRestoredAtAHigherParallelism_thenEveryRecordIsReadOnce() throws Exception {
        readAcrossARestore(1, 3);
    }

    @Test
    void whenACheckpointCompletes_thenItsOffsetsAreCommittedToTheGroup() throws Exception {
        String topic = kafka.newTopic("commit", 2);
        produce(topic, 2);
        ConnectorTable table = table(topic, kafka.bootstrapServers(), "scan.startup.mode", "earliest-offset",
                "properties.group.id", "weir-checkpoint-group");
        try (KafkaSourceReader reader = KafkaTables.open(table, new FakeOperatorContext(0, 1, 4))) {
            pollUntil(reader, new CollectingOutput(), 40);
            Map<Integer, Long> snapshotted = reader.nextOffsets();
            assertThat(snapshotted).isEqualTo(Map.of(0, 20L, 1, 20L));
            long checkpoint = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            // A commit may fail while the group's coordinator is still being elected; the next checkpoint retries.
            while (!kafka.committed("weir-checkpoint-group", topic).equals(snapshotted)) {
                assertThat(System.nanoTime()).as("offsets committed in time").isLessThan(deadline);
                reader.snapshotPositions();
                reader.notifyCheckpointComplete(++checkpoint);
                for (int i = 0; i < 10; i++) {
                    // Nothing more is produced: each poll waits briefly and completes pending commits.
                    reader.pollNext(new CollectingOutput());
                }
            }
            assertThat(reader.nextOffsets()).as("the reader did not move").isEqualTo(snapshotted);
        }
    }
}
