package io.weir.executor.connector.kafka;

import static io.weir.executor.connector.kafka.KafkaTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.checkpoint.RestoredOperatorState;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.testing.FakeOperatorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exactly-once kafka sink's protocol against a real broker, driven as the runtime drives it: rows, barriers
 * ({@code snapshotState}), completions, failures ({@code close} without completion) and restores from a
 * snapshot, each checked by what a {@code read_committed} consumer sees.
 */
@ExtendWith(KafkaTestCluster.Extension.class)
class ExactlyOnceKafkaSinkTest {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private static KafkaTestCluster kafka;

    private final List<Operator> opened = new ArrayList<>();
    private String topic;
    private ConnectorTable table;

    @BeforeAll
    static void connect(KafkaTestCluster cluster) {
        kafka = cluster;
    }

    private void newTable(int partitions) throws Exception {
        topic = kafka.newTopic("eos", partitions);
        table = table(topic, kafka.bootstrapServers(), "sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "eos-test-" + PREFIXES.incrementAndGet());
    }

    @AfterEach
    void closeSinks() throws Exception {
        for (Operator sink : opened) {
            sink.close();
        }
    }

    private Operator open(int subtask, int parallelism) throws Exception {
        return open(table, "test-job", subtask, parallelism);
    }

    private Operator open(ConnectorTable sinkTable, String jobName, int subtask, int parallelism) throws Exception {
        Operator sink = sinkTable.createSink().create();
        opened.add(sink);
        sink.open(new FakeOperatorContext(subtask, parallelism, 1024).withCheckpointing().withJobName(jobName));
        return sink;
    }

    private Operator restore(List<OperatorStateData> state, int subtask, int parallelism) throws Exception {
        return restore(table, "test-job", state, subtask, parallelism);
    }

    private Operator restore(ConnectorTable sinkTable, String jobName, List<OperatorStateData> state, int subtask,
            int parallelism) throws Exception {
        Operator sink = open(sinkTable, jobName, subtask, parallelism);
        sink.restoreState(RestoredOperatorState.forSubtask(state, subtask, parallelism));
        return sink;
    }

    /**
     * The server process dies: nothing of the sink runs any more, nothing is closed or aborted. Its producer stays
     * open like a dead process's session until the next instance of its id fences it (and the test ends).
     */
    private static void die(Operator sink) {
        // Kept in `opened`: closed after the test, as the broker would forget a dead client.
    }

    /** A failure: the runtime closes the sink without telling it about any further checkpoint. */
    private void fail(Operator sink) throws Exception {
        opened.remove(sink);
        sink.close();
    }

    private static void write(Operator sink, long... ids) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(Arrays.asList(id, 0, null, "row " + id));
        }
        sink.processChunk(0, Chunks.of(KafkaTables.TYPES, rows), new CollectingOutput());
    }

    private static OperatorStateData snapshot(Operator sink, long checkpointId) throws Exception {
        StateSnapshot snapshot = sink.snapshotState(checkpointId);
        OperatorStateData data = new OperatorStateData();
        snapshot.writeTo(data);
        return data;
    }

    /** The ids of the rows a read_committed consumer sees, in topic order (one partition) or any order. */
    private List<Long> committedIds() {
        return committedIds(topic);
    }

    private static List<Long> committedIds(String topic) {
        List<Long> ids = new ArrayList<>();
        for (String value : kafka.readCommitted(topic)) {
            Matcher id = ID.matcher(value);
            assertThat(id.find()).as(value).isTrue();
            ids.add(Long.parseLong(id.group(1)));
        }
        return ids;
    }

    @Test
    void whenACheckpointCompletes_thenExactlyTheRowsBeforeItsBarrierAreCommitted() throws Exception {
        newTable(1);
        Operator sink = open(0, 1);

        write(sink, 1, 2);
        snapshot(sink, 1);
        write(sink, 3);
        assertThat(committedIds()).isEmpty();

        sink.notifyCheckpointComplete(1);
        assertThat(committedIds()).containsExactly(1L, 2L);

        snapshot(sink, 2);
        sink.notifyCheckpointComplete(2);
        write(sink, 4);
        snapshot(sink, 3);
        sink.notifyCheckpointComplete(3);
        assertThat(committedIds()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void whenTheJobFailsBeforeTheCommit_thenTheRestoredSinkCommitsTheCheckpointOnce() throws Exception {
        newTable(1);
        Operator first = open(0, 1);
        write(first, 1, 2);
        OperatorStateData checkpoint1 = snapshot(first, 1);
        write(first, 3);
        // Checkpoint 1 completes, but the job fails before the sink hears of it.
        fail(first);

        Operator second = restore(List.of(checkpoint1), 0, 1);
        assertThat(committedIds()).containsExactly(1L, 2L);

        // The sources replay from checkpoint 1; the job fails again before checkpoint 2 completes.
        write(second, 3);
        snapshot(second, 2);
        fail(second);

        Operator third = restore(List.of(checkpoint1), 0, 1);
        write(third, 3, 4);
        snapshot(third, 2);
        third.notifyCheckpointComplete(2);
        assertThat(committedIds()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void whenACheckpointIsAborted_thenItsRowsAreCommittedWithTheNextOne() throws Exception {
        newTable(1);
        Operator sink = open(0, 1);

        write(sink, 1);
        snapshot(sink, 1);
        sink.notifyCheckpointAborted(1);
        write(sink, 2);
        snapshot(sink, 2);
        assertThat(committedIds()).isEmpty();

        sink.notifyCheckpointComplete(2);
        assertThat(committedIds()).containsExactly(1L, 2L);
    }

    @Test
    void whenRestored_thenTheOldInstanceIsFencedAndWhatItLeftOpenIsAborted() throws Exception {
        newTable(1);
        Operator zombie = open(0, 1);
        write(zombie, 1);
        OperatorStateData checkpoint1 = snapshot(zombie, 1);
        zombie.notifyCheckpointComplete(1);
        write(zombie, 2);

        // The old instance was never closed (a task that did not hear of the failure) when the new one restores.
        Operator restored = restore(List.of(checkpoint1), 0, 1);
        assertThat(committedIds()).containsExactly(1L);
        assertThatThrownBy(() -> {
            write(zombie, 3);
            snapshot(zombie, 2);
            zombie.notifyCheckpointComplete(2);
        }).isInstanceOf(WeirException.class);

        write(restored, 2, 3);
        snapshot(restored, 2);
        restored.notifyCheckpointComplete(2);
        assertThat(committedIds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void whenRestoredAtLowerParallelism_thenEveryOldSubtasksCheckpointIsCommitted() throws Exception {
        newTable(2);
        Operator first = open(0, 2);
        Operator second = open(1, 2);
        write(first, 1);
        write(second, 2);
        List<OperatorStateData> checkpoint1 = List.of(snapshot(first, 1), snapshot(second, 1));
        write(second, 3);
        fail(first);
        fail(second);

        Operator restored = restore(checkpoint1, 0, 1);
        assertThat(committedIds()).containsExactlyInAnyOrder(1L, 2L);

        write(restored, 3);
        snapshot(restored, 2);
        restored.notifyCheckpointComplete(2);
        assertThat(committedIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void whenTheJobDoesNotCheckpoint_thenExactlyOnceIsRefusedNamingTheSetting() throws Exception {
        newTable(1);
        Operator sink = table.createSink().create();
        opened.add(sink);

        assertThatThrownBy(() -> sink.open(new FakeOperatorContext(0, 1, 1024)))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("'sink.delivery-guarantee' = 'exactly-once'")
                .hasMessageContaining("execution.checkpointing.interval");
    }

    @Test
    void whenABoundedInputEnds_thenEverythingIsCommitted() throws Exception {
        newTable(1);
        Operator sink = open(0, 1);
        write(sink, 1);
        snapshot(sink, 1);
        write(sink, 2);

        sink.endInput(0, new CollectingOutput());

        assertThat(committedIds()).containsExactly(1L, 2L);
    }

    @Test
    void whenNoCheckpointCoversTheRows_thenNothingIsSentToKafka() throws Exception {
        newTable(1);
        Operator sink = open(0, 1);
        write(sink, 1, 2);
        snapshot(sink, 1);
        write(sink, 3);

        // Write-ahead: not even an open transaction holds records that a failure would have to abort.
        assertThat(kafka.endOffsets(topic)).containsEntry(0, 0L);
    }

    @Test
    void whenTheSinkFailsAfterCommittingBeforeTheRuntimeKnows_thenTheRestoreDoesNotWriteAgain() throws Exception {
        newTable(1);
        Operator first = open(0, 1);
        write(first, 1, 2);
        OperatorStateData checkpoint1 = snapshot(first, 1);
        first.notifyCheckpointComplete(1);
        write(first, 3);
        fail(first);

        Operator second = restore(List.of(checkpoint1), 0, 1);
        assertThat(committedIds()).containsExactly(1L, 2L);

        write(second, 3);
        snapshot(second, 2);
        second.notifyCheckpointComplete(2);
        assertThat(committedIds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void whenTheServerProcessDiesAfterACheckpointCompletes_thenTheRestoredSinkCommitsItsRowsOnce() throws Exception {
        newTable(1);
        Operator first = open(0, 1);
        write(first, 1, 2);
        OperatorStateData checkpoint1 = snapshot(first, 1);
        write(first, 3);
        // Checkpoint 1 is complete in the coordinator's storage; the process dies before any sink hears of it.
        die(first);

        Operator second = restore(List.of(checkpoint1), 0, 1);
        assertThat(committedIds()).containsExactly(1L, 2L);
        write(second, 3);
        OperatorStateData checkpoint2 = snapshot(second, 2);
        second.notifyCheckpointComplete(2);
        // The process dies again, right after the sink committed checkpoint 2.
        die(second);

        Operator third = restore(List.of(checkpoint2), 0, 1);
        write(third, 4);
        snapshot(third, 3);
        third.notifyCheckpointComplete(3);
        assertThat(committedIds()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void whenRestoredFromTwoToOneToThree_thenEveryRowIsCommittedOnce() throws Exception {
        newTable(3);
        Operator a0 = open(0, 2);
        Operator a1 = open(1, 2);
        write(a0, 1);
        write(a1, 2);
        List<OperatorStateData> checkpoint1 = List.of(snapshot(a0, 1), snapshot(a1, 1));
        // Subtask 0 committed checkpoint 1 before the failure, subtask 1 did not.
        a0.notifyCheckpointComplete(1);
        fail(a0);
        fail(a1);

        Operator single = restore(checkpoint1, 0, 1);
        assertThat(committedIds()).containsExactlyInAnyOrder(1L, 2L);
        write(single, 3, 4);
        List<OperatorStateData> checkpoint2 = List.of(snapshot(single, 2));
        fail(single);

        List<Operator> three = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            three.add(restore(checkpoint2, subtask, 3));
        }
        assertThat(committedIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        write(three.get(1), 5);
        write(three.get(2), 6);
        for (Operator sink : three) {
            snapshot(sink, 3);
        }
        for (Operator sink : three) {
            sink.notifyCheckpointComplete(3);
        }
        assertThat(committedIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void whenRestoredFromAnotherQuerysSavepoint_thenItsMarkersDecidePerTopic() throws Exception {
        newTable(1);
        Operator original = open(table, "query-a", 0, 1);
        write(original, 1, 2);
        OperatorStateData savepoint = snapshot(original, 1);
        original.notifyCheckpointComplete(1);
        fail(original);

        // Into the same topic: query A committed the savepoint's rows already.
        Operator sameTopic = restore(table, "query-b", List.of(savepoint), 0, 1);
        write(sameTopic, 3);
        snapshot(sameTopic, 2);
        sameTopic.notifyCheckpointComplete(2);
        assertThat(committedIds()).containsExactly(1L, 2L, 3L);

        // Into another topic (another sink): the savepoint's rows are not there yet, and are written once there.
        String otherTopic = kafka.newTopic("eos-other", 1);
        ConnectorTable other = table(otherTopic, kafka.bootstrapServers(), "sink.delivery-guarantee",
                "exactly-once", "sink.transactional-id-prefix", "eos-test-" + PREFIXES.incrementAndGet());
        fail(restore(other, "query-c", List.of(savepoint), 0, 1));
        restore(other, "query-c", List.of(savepoint), 0, 1);
        assertThat(committedIds(otherTopic)).containsExactly(1L, 2L);
    }

    @Test
    void whenTheJobFailsAfterItsInputEnded_thenTheCheckpointedRowsAreNotWrittenAgainAndNoneIsLost()
            throws Exception {
        newTable(1);
        Operator first = open(0, 1);
        write(first, 1);
        OperatorStateData checkpoint1 = snapshot(first, 1);
        write(first, 2);
        first.endInput(0, new CollectingOutput());
        fail(first);

        Operator replay = restore(List.of(checkpoint1), 0, 1);
        write(replay, 2);
        replay.endInput(0, new CollectingOutput());

        // Row 2 came after the last checkpoint: it is written again rather than risk losing it.
        assertThat(committedIds()).containsOnlyOnce(1L).contains(2L);
    }
}
