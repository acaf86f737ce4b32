package io.weir.executor.connector.kafka;

import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;

/**
 * A producer with the transactional id {@code <prefix>-<subtask>} of one exactly-once sink subtask, initialized: it
 * has fenced every earlier producer of that id (a zombie of a failed attempt, or of a killed server process) and
 * the broker has completed or aborted what they left open. It holds at most one transaction at a time. Used on the
 * task thread only.
 */
final class TransactionalProducer {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String transactionalId;
    /** True between {@link #begin} and the end of commit or abort. */
    private boolean inTransaction;

    private TransactionalProducer(KafkaProducer<byte[], byte[]> producer, String transactionalId) {
        this.producer = producer;
        this.transactionalId = transactionalId;
    }

    /** The transactional id of subtask {@code subtask}; stable across restarts, so a restart fences its zombies. */
    static String transactionalId(String prefix, int subtask) {
        return prefix + "-" + subtask;
    }

    /**
     * Creates the producer of subtask {@code subtask} and initializes its transactions, which fences its earlier
     * instances and ends their open transaction (blocking, up to {@code max.block.ms}).
     */
    static TransactionalProducer initialize(KafkaTableConfig table, int subtask) {
        String id = transactionalId(table.transactionalIdPrefix(), subtask);
        KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(table, id);
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            KafkaClients.closeUninterrupted(() -> producer.close(Duration.ZERO));
            throw KafkaClients.failure(table, "Cannot start Kafka transactions with id '" + id + "'", e);
        }
        return new TransactionalProducer(producer, id);
    }

    KafkaProducer<byte[], byte[]> producer() {
        return producer;
    }

    String transactionalId() {
        return transactionalId;
    }

    void begin() {
        producer.beginTransaction();
        inTransaction = true;
    }

    /** Commits (flushing what was sent first); fails if a send of the transaction failed. */
    void commit() {
        producer.commitTransaction();
        inTransaction = false;
    }

    /**
     * Closes, aborting the open transaction if any, ignoring failures: whatever it leaves open is aborted when the
     * next producer of its id initializes, or when the transaction times out.
     */
    void close() {
        KafkaClients.closeUninterrupted(() -> {
            try {
                if (inTransaction) {
                    inTransaction = false;
                    producer.abortTransaction();
                }
            } catch (KafkaException ignored) {
                // A fenced or failed producer cannot abort; the broker aborts on fencing or timeout.
            }
            try {
                producer.close(CLOSE_TIMEOUT);
            } catch (KafkaException ignored) {
                // Closing is best effort: nothing uncommitted depends on it.
            }
        });
    }
}
