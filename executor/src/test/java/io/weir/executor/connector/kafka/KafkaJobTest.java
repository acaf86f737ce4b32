package io.weir.executor.connector.kafka;

import static io.weir.executor.connector.kafka.KafkaTables.json;
import static io.weir.executor.connector.kafka.KafkaTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.job.Job;
import io.weir.executor.job.JobManager;
import io.weir.executor.job.JobState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Kafka tables in real jobs: readers and sinks on task threads, from one topic into another. */
@ExtendWith(KafkaTestCluster.Extension.class)
class KafkaJobTest {

    /** Generous: only a hung job ever reaches it. */
    private static final long TIMEOUT_SECONDS = 60;

    private static KafkaTestCluster kafka;
    private static JobManager jobs;

    @BeforeAll
    static void start(KafkaTestCluster cluster) {
        kafka = cluster;
        jobs = new JobManager();
    }

    @AfterAll
    static void stop() {
        jobs.close();
    }

    /** Sends {@code count} JSON records spread over {@code partitions}; returns their values as CSV records. */
    private static List<String> produce(String topic, int partitions, int count) {
        List<String> csv = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int p = i % partitions;
            kafka.produce(topic, p, 1_000L * i, json(i, p, 1_000L * i, "n" + i));
            csv.add(i + "," + p + "," + String.format("1970-01-01 00:%02d:%02d.000", i / 60, i % 60) + ",n" + i);
        }
        kafka.flush();
        return csv;
    }

    /** A source of {@code from} with two subtasks feeding one sink subtask writing {@code to}. */
    private static Job copy(ConnectorTable from, ConnectorTable to) {
        JobGraph.Builder graph = JobGraph.builder("kafka-copy");
        int source = graph.addSource("source", 2, from.createSource(), KafkaTables.TYPES);
        int sink = graph.addOperator("sink", 1, to.createSink(), 1, KafkaTables.TYPES);
        graph.connect(source, sink, 0, Partitioning.SINGLE);
        return jobs.submit(graph.build());
    }

    @Test
    void whenABoundedScanIsInsertedIntoAnotherTopic_thenTheJobEndsWithEveryRecordCopied() throws Exception {
        String input = kafka.newTopic("job-in", 3);
        String output = kafka.newTopic("job-out", 1);
        List<String> expected = produce(input, 3, 30);

        Job job = copy(table(input, kafka.bootstrapServers(), "scan.startup.mode", "earliest-offset",
                "scan.bounded.mode", "latest-offset"), table(output, kafka.bootstrapServers(), "format", "csv"));
        job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(kafka.consume(output, 30)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void whenTheScanIsUnbounded_thenRecordsFlowUntilTheJobIsCancelled() throws Exception {
        String input = kafka.newTopic("stream-in", 3);
        String output = kafka.newTopic("stream-out", 1);

        Job job = copy(table(input, kafka.bootstrapServers(), "scan.startup.mode", "earliest-offset"),
                table(output, kafka.bootstrapServers(), "format", "csv"));
        List<String> expected = produce(input, 3, 12);

        assertThat(kafka.consume(output, 12)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        job.cancel();
        assertThatThrownBy(() -> job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);
        assertThat(job.state()).isEqualTo(JobState.CANCELED);
    }

    @Test
    void whenARecordCannotBeDecoded_thenTheJobFailsNamingTopicPartitionAndOffset() throws Exception {
        String input = kafka.newTopic("job-bad", 2);
        String output = kafka.newTopic("job-bad-out", 1);
        kafka.produce(input, 1, 0, json(1, 1, 0, "fine"));
        kafka.produce(input, 1, 0, "{broken");
        kafka.flush();

        Job job = copy(table(input, kafka.bootstrapServers(), "scan.startup.mode", "earliest-offset"),
                table(output, kafka.bootstrapServers()));

        assertThatThrownBy(() -> job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WeirException.class)
                .hasMessageStartingWith("Topic '" + input + "', partition 1, offset 1: Invalid JSON: ");
    }
}
