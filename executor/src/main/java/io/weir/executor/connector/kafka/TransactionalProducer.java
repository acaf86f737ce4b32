package io.weir.executor.connector.kafka;

import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;

/**
 * A producer with its own transactional id ({@code <prefix>-<subtask>-<slot>}), initialized: it has fenced every
 * earlier producer of that id and aborted what they left open. It holds at most one transaction at a time and is
 * reused for the next one once that is committed. Thread-safe as {@link KafkaProducer} is, but used by one thread
 * at a time: the task thread, or (handed over by {@link PreparedTransactions}) the task that restores it.
 */
final class TransactionalProducer {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String transactionalId;
    private final int slot;
    /** True between {@link #begin} and commit or abort. */
    private boolean inTransaction;

    private TransactionalProducer(KafkaProducer<byte[], byte[]> producer, String transactionalId, int slot) {
        this.producer = producer;
        this.transactionalId = transactionalId;
        this.slot = slot;
    }

    /** The transactional id of slot {@code slot} of subtask {@code subtask}. */
    static String transactionalId(String prefix, int subtask, int slot) {
        return prefix + "-" + subtask + "-" + slot;
    }

    /**
     * Creates the producer of a slot and initializes its transactions, which fences its earlier instances and
     * aborts their open transaction (blocking, up to {@code max.block.ms}).
     */
    static TransactionalProducer initialize(KafkaTableConfig table, int subtask, int slot) {
        String id = transactionalId(table.transactionalIdPrefix(), subtask, slot);
        // An instance a failed attempt of this job left prepared must not linger once it is fenced.
        PreparedTransactions.discard(id);
        KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(table, id);
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            KafkaClients.closeUninterrupted(() -> producer.close(Duration.ZERO));
            throw KafkaClients.failure(table, "Cannot start Kafka transactions with id '" + id + "'", e);
        }
        return new TransactionalProducer(producer, id, slot);
    }

    KafkaProducer<byte[], byte[]> producer() {
        return producer;
    }

    String transactionalId() {
        return transactionalId;
    }

    int slot() {
        return slot;
    }

    boolean inTransaction() {
        return inTransaction;
    }

    void begin() {
        producer.beginTransaction();
        inTransaction = true;
    }

    /** Waits until every record of the transaction is acknowledged: the transaction is then prepared. */
    void flush() {
        producer.flush();
    }

    /** Commits; on failure the transaction stays open, and a commit may be retried (after a timeout, say). */
    void commit() {
        producer.commitTransaction();
        inTransaction = false;
    }

    /** Aborts the open transaction if any, ignoring failures: an open transaction is fenced on restore anyway. */
    void abortQuietly() {
        if (!inTransaction) {
            return;
        }
        inTransaction = false;
        KafkaClients.closeUninterrupted(() -> {
            try {
                producer.abortTransaction();
            } catch (KafkaException ignored) {
                // A fenced or failed producer cannot abort; the broker aborts on fencing or timeout.
            }
        });
    }

    /** Closes without aborting: an open transaction stays open on the broker until fenced or timed out. */
    void close() {
        KafkaClients.closeUninterrupted(() -> {
            try {
                producer.close(CLOSE_TIMEOUT);
            } catch (KafkaException ignored) {
                // Closing is best effort; nothing uncommitted depends on it.
            }
        });
    }
}
