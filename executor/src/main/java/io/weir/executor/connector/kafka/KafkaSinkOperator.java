package io.weir.executor.connector.kafka;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.RowKind;
import java.io.IOException;
import java.time.Duration;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * One subtask of {@code INSERT INTO} a kafka table: every row becomes one record whose value is the row in the
 * table's format and whose key is unset, sent with a {@link KafkaProducer}.
 *
 * <p>At-least-once: sends are asynchronous; {@link #endInput} flushes and fails if any send failed, and
 * {@link #close} waits (a bounded time) for what is still in flight. A failed send fails the query at the next
 * chunk. Writes cannot be taken back, so a sink closed without {@code endInput} keeps what it sent (exactly-once
 * with transactions comes with checkpoints). The topic must exist unless the brokers create topics on demand.
 */
final class KafkaSinkOperator implements Operator {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTableConfig table;

    private KafkaProducer<byte[], byte[]> producer;
    private ValueFormat.Encoder encoder;
    /** The partition every record goes to ({@code 'sink.partitioner' = 'fixed'}), else null: the partitioner picks. */
    private Integer fixedPartition;
    /** The first failure of an asynchronous send, written by the producer's I/O thread. */
    private volatile Exception sendFailure;
    private final Callback onSent = this::onSent;

    KafkaSinkOperator(KafkaTableConfig table) {
        this.table = table;
    }

    /** Connects: fetches the topic's partitions, so an unreachable cluster fails here within {@code max.block.ms}. */
    @Override
    public void open(OperatorContext context) {
        encoder = table.format().encoder();
        producer = KafkaClients.producer(table);
        int partitionCount;
        try {
            partitionCount = producer.partitionsFor(table.topic()).size();
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot start writing to Kafka", e);
        }
        if (table.partitioner() == SinkPartitioner.FIXED) {
            // A topic's partitions are numbered 0 .. count - 1.
            fixedPartition = context.subtaskIndex() % partitionCount;
        }
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) throws IOException {
        throwIfSendFailed();
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

    private void onSent(RecordMetadata metadata, Exception failure) {
        if (failure != null && sendFailure == null) {
            sendFailure = failure;
        }
    }

    private void throwIfSendFailed() {
        Exception failure = sendFailure;
        if (failure != null) {
            throw failure instanceof KafkaException kafka
                    ? KafkaClients.failure(table, "Cannot write to Kafka", kafka)
                    : new WeirException(ErrorKind.EXECUTION, "Cannot write to Kafka topic '"
                            + table.topic() + "': " + failure, failure);
        }
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

    /** Waits until every record sent so far is acknowledged (or failed); fails if any send failed. */
    @Override
    public void endInput(int input, Output out) {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot write to Kafka", e);
        }
        throwIfSendFailed();
    }

    @Override
    public void close() {
        if (producer != null) {
            KafkaClients.closeUninterrupted(() -> producer.close(CLOSE_TIMEOUT));
            producer = null;
        }
    }
}
