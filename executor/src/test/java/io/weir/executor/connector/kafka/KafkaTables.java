package io.weir.executor.connector.kafka;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.DataType;
import io.weir.executor.testing.FakeOperatorContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Kafka tables and the driving of their readers, for tests. */
final class KafkaTables {

    /** The columns of the test tables: an id, the partition the record was sent to, an event time, a name. */
    static final List<String> NAMES = List.of("id", "p", "ts", "name");
    static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.INTEGER, DataType.timestamp(3),
            DataType.STRING);

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private KafkaTables() {
    }

    static TableSpec spec(String topic, String bootstrapServers, String... extraOptions) {
        Map<String, String> options = new HashMap<>();
        options.put("connector", "kafka");
        options.put("topic", topic);
        options.put("properties.bootstrap.servers", bootstrapServers);
        options.put("format", "json");
        for (int i = 0; i < extraOptions.length; i += 2) {
            options.put(extraOptions[i], extraOptions[i + 1]);
        }
        return new TableSpec("t", NAMES, TYPES, options,
                new ConnectorEnvironment(Path.of("."), List.of(), new MutableClock(0), null));
    }

    static ConnectorTable table(String topic, String bootstrapServers, String... extraOptions) {
        return new KafkaConnectorFactory().create(spec(topic, bootstrapServers, extraOptions));
    }

    /** Creates and opens the reader of {@code subtask} of {@code parallelism}. */
    static KafkaSourceReader open(ConnectorTable table, FakeOperatorContext context) throws Exception {
        KafkaSourceReader reader = (KafkaSourceReader) table.createSource()
                .createReader(context.subtaskIndex(), context.parallelism());
        reader.open(context);
        return reader;
    }

    /** Polls an unbounded reader until {@code out} holds at least {@code rows} rows. */
    static CollectingOutput pollUntil(SourceReader reader, CollectingOutput out, int rows) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (out.rowCount() < rows) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + out.rowCount() + " of " + rows + " rows arrived");
            }
            reader.pollNext(out);
        }
        return out;
    }

    /** Polls a bounded reader to its end. */
    static CollectingOutput readToEnd(SourceReader reader) throws Exception {
        CollectingOutput out = new CollectingOutput();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (reader.pollNext(out) != InputStatus.END_OF_INPUT) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The bounded reader did not end; " + out.rowCount() + " rows so far");
            }
        }
        return out;
    }

    /** A JSON value of the test columns; {@code ts} in epoch millis, written as SQL text. */
    static String json(long id, int partition, long ts, String name) {
        return "{\"id\": " + id + ", \"p\": " + partition + ", \"ts\": \"" + TIMESTAMP.format(Instant.ofEpochMilli(ts))
                + "\", \"name\": \"" + name + "\"}";
    }

    /** Epoch millis of a TIMESTAMP column's external value. */
    static long millis(Object timestamp) {
        return ((LocalDateTime) timestamp).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
