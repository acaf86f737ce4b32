package io.weir.executor.connector.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prepared Kafka transactions handed from a closed exactly-once sink to the instance that restores it, within
 * this server process, keyed by transactional id.
 *
 * <p>Why: Kafka's public producer API (kafka-clients 4.4) cannot commit a transaction from another producer
 * instance; only the instance that began it can (KIP-939's {@code prepareTransaction}/{@code completeTransaction}
 * are not public in that client). When a job fails after checkpoint {@code n} completed but before its sink
 * committed transaction {@code n}, the restored sink must commit exactly that transaction: the failed sink's
 * {@code close} leaves its prepared producers here and the restored sink takes the ones of the restored
 * checkpoint and commits them. An entry never taken (the query was cancelled) is aborted and closed once its
 * transaction timeout passes, when the broker would abort it anyway.
 *
 * <p>Thread-safe: sinks of any task call it.
 */
final class PreparedTransactions {

    private record Entry(TransactionalProducer producer, long checkpointId, long expiresAtMillis) {
    }

    private static final Map<String, Entry> ENTRIES = new HashMap<>();

    private PreparedTransactions() {
    }

    /**
     * Keeps {@code producer}, whose transaction of checkpoint {@code checkpointId} is prepared (flushed, not
     * committed), until a restored sink takes it or {@code expiresAtMillis} passes.
     */
    static void handOver(TransactionalProducer producer, long checkpointId, long nowMillis, long expiresAtMillis) {
        List<Entry> dropped = new ArrayList<>();
        synchronized (ENTRIES) {
            Entry previous = ENTRIES.put(producer.transactionalId(),
                    new Entry(producer, checkpointId, expiresAtMillis));
            if (previous != null) {
                dropped.add(previous);
            }
            for (Iterator<Entry> it = ENTRIES.values().iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.expiresAtMillis() <= nowMillis) {
                    it.remove();
                    dropped.add(entry);
                }
            }
        }
        dropped.forEach(PreparedTransactions::abortAndClose);
    }

    /**
     * Removes and returns the producer holding the prepared transaction of {@code transactionalId} for
     * {@code checkpointId}, or null when there is none (it was committed, or the process that prepared it ended).
     */
    static TransactionalProducer take(String transactionalId, long checkpointId) {
        synchronized (ENTRIES) {
            Entry entry = ENTRIES.get(transactionalId);
            if (entry == null || entry.checkpointId() != checkpointId) {
                return null;
            }
            ENTRIES.remove(transactionalId);
            return entry.producer();
        }
    }

    /** Aborts and closes what is kept for {@code transactionalId}, if anything. */
    static void discard(String transactionalId) {
        Entry entry;
        synchronized (ENTRIES) {
            entry = ENTRIES.remove(transactionalId);
        }
        if (entry != null) {
            abortAndClose(entry);
        }
    }

    private static void abortAndClose(Entry entry) {
        entry.producer().abortQuietly();
        entry.producer().close();
    }
}
