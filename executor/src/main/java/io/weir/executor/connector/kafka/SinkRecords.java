package io.weir.executor.connector.kafka;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.RowKind;
import java.io.IOException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * How a kafka sink subtask turns rows into records: the value is the row in the table's format, the key is
 * unset, and the partition is fixed ({@code 'sink.partitioner' = 'fixed'}) or left to the producer's partitioner.
 * Used on the task thread only.
 */
final class SinkRecords {

    private final KafkaTableConfig table;
    private final ValueFormat.Encoder encoder;
    /** The partition every record goes to ({@code 'sink.partitioner' = 'fixed'}), else null: the partitioner picks. */
    private final Integer fixedPartition;

    private SinkRecords(KafkaTableConfig table, Integer fixedPartition) {
        this.table = table;
        this.encoder = table.format().encoder();
        this.fixedPartition = fixedPartition;
    }

    /**
     * The records of subtask {@code subtask}; asks {@code producer} for the topic's partitions, so an unreachable
     * cluster fails here within {@code max.block.ms}.
     */
    static SinkRecords forSubtask(KafkaTableConfig table, KafkaProducer<byte[], byte[]> producer, int subtask) {
        int partitionCount;
        try {
            partitionCount = producer.partitionsFor(table.topic()).size();
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot start writing to Kafka", e);
        }
        // A topic's partitions are numbered 0 .. count - 1.
        Integer fixed = table.partitioner() == SinkPartitioner.FIXED ? subtask % partitionCount : null;
        return new SinkRecords(table, fixed);
    }

    /** Sends every row of an insert-only chunk, asynchronously; {@code onSent} hears of each outcome. */
    void send(KafkaProducer<byte[], byte[]> producer, Chunk chunk, Callback onSent) throws IOException {
        checkInsertOnly(chunk);
        try {
            for (int row = 0; row < chunk.size(); row++) {
                byte[] value = encoder.encode(chunk, row);
                producer.send(new ProducerRecord<>(table.topic(), fixedPartition, null, value), onSent);
            }
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot write to Kafka", e);
        }
    }

    /** Encodes the value of every row of an insert-only chunk into {@code into}, to be sent later. */
    void encode(Chunk chunk, EncodedRecords into) throws IOException {
        checkInsertOnly(chunk);
        for (int row = 0; row < chunk.size(); row++) {
            into.append(encoder.encode(chunk, row));
        }
    }

    /** Sends every value of {@code batch}, asynchronously; {@code onSent} hears of each outcome. */
    void send(KafkaProducer<byte[], byte[]> producer, RecordBatch batch, Callback onSent) {
        batch.forEachValue(value -> producer.send(new ProducerRecord<>(table.topic(), fixedPartition, null, value),
                onSent));
    }

    /** A plain Kafka table is a log of appended rows: an update or a delete has no record to become. */
    private static void checkInsertOnly(Chunk chunk) {
        if (chunk.isInsertOnly()) {
            return;
        }
        for (int row = 0; row < chunk.size(); row++) {
            RowKind kind = chunk.rowKind(row);
            if (kind != RowKind.INSERT) {
                throw WeirException.execution("A kafka table accepts only inserted rows, got a " + kind.shortString()
                        + " row; write the result of a query that only appends");
            }
        }
    }
}
