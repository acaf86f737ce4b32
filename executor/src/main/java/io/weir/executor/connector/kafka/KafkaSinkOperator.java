package io.weir.executor.connector.kafka;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.data.Chunk;
import java.io.IOException;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;

/**
 * One subtask of {@code INSERT INTO} a kafka table without transactions ({@code sink.delivery-guarantee}
 * {@code at-least-once} or {@code none}; {@link ExactlyOnceKafkaSink} does {@code exactly-once}): every row
 * becomes one record, sent with a plain {@link KafkaProducer}.
 *
 * <p>Sends are asynchronous. At-least-once waits at each checkpoint barrier ({@link #snapshotState}) until what
 * was sent is acknowledged, and fails the checkpoint if a send failed, so a completed checkpoint covers only
 * written records; after a restore, records sent after it are written again (duplicates). With {@code none} the
 * barrier does not wait. Both flush at {@link #endInput}, and {@link #close} waits (a bounded time) for what is
 * still in flight: writes cannot be taken back, so a sink closed without {@code endInput} keeps what it sent.
 * A failed send fails the query at the next chunk. The topic must exist unless the brokers create topics on demand.
 */
final class KafkaSinkOperator implements Operator {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTableConfig table;
    private final SendFailures failures;

    private KafkaProducer<byte[], byte[]> producer;
    private SinkRecords records;

    KafkaSinkOperator(KafkaTableConfig table) {
        this.table = table;
        this.failures = new SendFailures(table);
    }

    /** Connects: fetches the topic's partitions, so an unreachable cluster fails here within {@code max.block.ms}. */
    @Override
    public void open(OperatorContext context) {
        producer = KafkaClients.producer(table);
        records = SinkRecords.forSubtask(table, producer, context.subtaskIndex());
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) throws IOException {
        failures.throwIfAny();
        records.send(producer, chunk, failures.callback());
    }

    /** At-least-once: what the checkpoint covers must be written before it completes. */
    @Override
    public StateSnapshot snapshotState(long checkpointId) {
        if (table.deliveryGuarantee() == DeliveryGuarantee.AT_LEAST_ONCE) {
            flush();
        }
        return null;
    }

    /** Waits until every record sent so far is acknowledged (or failed); fails if any send failed. */
    @Override
    public void endInput(int input, Output out) {
        flush();
    }

    private void flush() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot write to Kafka", e);
        }
        failures.throwIfAny();
    }

    @Override
    public void close() {
        if (producer != null) {
            KafkaClients.closeUninterrupted(() -> producer.close(CLOSE_TIMEOUT));
            producer = null;
        }
    }
}
