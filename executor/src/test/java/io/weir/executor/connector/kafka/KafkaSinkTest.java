package io.weir.executor.connector.kafka;

import static io.weir.executor.connector.kafka.KafkaTables.open;
import static io.weir.executor.connector.kafka.KafkaTables.readToEnd;
import static io.weir.executor.connector.kafka.KafkaTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.data.RowKind;
import io.weir.executor.testing.FakeOperatorContext;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestCluster.Extension.class)
class KafkaSinkTest {

    private static final LocalDateTime TS = LocalDateTime.of(2024, 3, 1, 12, 30, 5, 123_000_000);
    private static final List<List<Object>> ROWS = List.of(
            row(1L, 0L, TS, "plain"),
            row(2L, 1L, null, "with, comma and \"quotes\""),
            row(3L, null, TS.plusSeconds(1), null),
            row(4L, 2L, TS, ""));

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void connect(KafkaTestCluster cluster) {
        kafka = cluster;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** Runs one sink subtask over {@code rows} to its end, as a task would. */
    private static void write(ConnectorTable table, FakeOperatorContext context, List<List<Object>> rows)
            throws Exception {
        Operator sink = table.createSink().create();
        try {
            sink.open(context);
            sink.processChunk(0, Chunks.of(KafkaTables.TYPES, rows), new CollectingOutput());
            sink.endInput(0, new CollectingOutput());
        } finally {
            sink.close();
        }
    }

    @Test
    void whenRowsAreInserted_thenEachBecomesOneJsonRecordWithoutKey() throws Exception {
        String topic = kafka.newTopic("sink-json", 3);

        write(table(topic, kafka.bootstrapServers()), new FakeOperatorContext(0, 1, 1024), ROWS.subList(0, 2));

        List<ConsumerRecord<String, String>> records = kafka.consume(topic, 2);
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isNull());
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
                "{\"id\":1,\"p\":0,\"ts\":\"2024-03-01 12:30:05.123\",\"name\":\"plain\"}",
                "{\"id\":2,\"p\":1,\"ts\":null,\"name\":\"with, comma and \\\"quotes\\\"\"}");
    }

    @Test
    void whenWrittenAsJsonOrCsv_thenTheSourceReadsTheSameRowsBack() throws Exception {
        for (String format : List.of("json", "csv")) {
            String topic = kafka.newTopic("sink-" + format, 1);
            // Without a null literal, CSV cannot tell a NULL string from an empty one.
            String[] nulls = format.equals("csv") ? new String[] {"csv.null-literal", "\\N"} : new String[0];
            ConnectorTable table = table(topic, kafka.bootstrapServers(), concat(nulls, "format", format,
                    "scan.startup.mode", "earliest-offset", "scan.bounded.mode", "latest-offset"));

            write(table, new FakeOperatorContext(0, 1, 1024), ROWS);

            try (KafkaSourceReader reader = open(table, new FakeOperatorContext(0, 1, 1024))) {
                assertThat(readToEnd(reader).rows(KafkaTables.TYPES)).as(format).containsExactlyElementsOf(ROWS);
            }
        }
    }

    @Test
    void whenThePartitionerIsFixed_thenEachSubtaskWritesToOnePartition() throws Exception {
        String topic = kafka.newTopic("sink-fixed", 3);

        write(table(topic, kafka.bootstrapServers(), "sink.partitioner", "fixed"), new FakeOperatorContext(1, 2, 1024),
                ROWS);

        assertThat(kafka.consume(topic, ROWS.size())).extracting(ConsumerRecord::partition).containsOnly(1);
    }

    @Test
    void whenTheSinkIsClosedWithoutEndOfInput_thenWhatItSentIsStillWritten() throws Exception {
        String topic = kafka.newTopic("sink-close", 1);
        Operator sink = table(topic, kafka.bootstrapServers()).createSink().create();

        sink.open(new FakeOperatorContext(0, 1, 1024));
        sink.processChunk(0, Chunks.of(KafkaTables.TYPES, ROWS), new CollectingOutput());
        sink.close();

        assertThat(kafka.consume(topic, ROWS.size())).hasSize(ROWS.size());
    }

    @Test
    void whenARowIsNotAnInsert_thenTheSinkFails() throws Exception {
        String topic = kafka.newTopic("sink-changelog", 1);
        Operator sink = table(topic, kafka.bootstrapServers()).createSink().create();
        try {
            sink.open(new FakeOperatorContext(0, 1, 1024));
            assertThatThrownBy(() -> sink.processChunk(0, Chunks.of(KafkaTables.TYPES, ROWS, RowKind.DELETE),
                    new CollectingOutput()))
                    .hasMessage("A kafka table accepts only inserted rows, got a -D row; write the result of a query "
                            + "that only appends");
        } finally {
            sink.close();
        }
    }
}
