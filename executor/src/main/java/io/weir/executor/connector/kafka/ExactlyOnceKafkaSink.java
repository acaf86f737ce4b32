package io.weir.executor.connector.kafka;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.kafka.SinkTransactionState.Prepared;
import io.weir.executor.data.Chunk;
import java.io.IOException;
import java.io.DataInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask of {@code INSERT INTO} a kafka table with {@code 'sink.delivery-guarantee' = 'exactly-once'}:
 * Kafka transactions committed when a checkpoint completes, so a {@code read_committed} consumer sees each row
 * once.
 *
 * <ul>
 *   <li>The rows between two barriers go to one transaction, of a producer with its own transactional id
 *       {@code <prefix>-<subtask>-<slot>} ({@link TransactionalProducer}); a slot's producer is reused once its
 *       transaction is committed, so a steady job uses two.</li>
 *   <li>At the barrier of checkpoint {@code n} ({@link #snapshotState}) the transaction is flushed (prepared) and
 *       kept as transaction {@code n}; the state records every prepared transaction and the slots used.</li>
 *   <li>{@link #notifyCheckpointComplete}({@code n}) commits every prepared transaction {@code <= n}. An aborted
 *       checkpoint changes nothing: its transaction is committed with the next completed one.</li>
 *   <li>{@link #close} aborts the open transaction and hands the prepared ones to {@link PreparedTransactions}:
 *       after a failure, {@link #restoreState} takes those of the restored checkpoint (complete by definition)
 *       and commits them, then initializes every slot the restored subtasks used, which fences their zombies and
 *       aborts whatever else they left open. A prepared transaction not found was committed before the failure,
 *       or was held by a server process that ended: the broker then aborts it (see {@link PreparedTransactions}).</li>
 * </ul>
 *
 * <p>It needs checkpointing: without it nothing would ever be committed but at {@link #endInput}, which commits
 * everything (a job that ends). Every method runs on the task thread, which also does the blocking Kafka calls
 * (initializing a slot, flushing at a barrier, committing).
 */
final class ExactlyOnceKafkaSink implements Operator {

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceKafkaSink.class);
    private static final long DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;

    private final KafkaTableConfig table;
    private final SendFailures failures;
    /** Prepared transactions by checkpoint, oldest first; each waits for a checkpoint at or after it to complete. */
    private final TreeMap<Long, TransactionalProducer> prepared = new TreeMap<>();
    /** Initialized producers without a transaction, ready for the next one. */
    private final ArrayDeque<TransactionalProducer> idle = new ArrayDeque<>();

    private OperatorContext context;
    private SinkRecords records;
    /** The producer of the transaction the rows since the last barrier go to; null until the next row. */
    private TransactionalProducer current;
    /** Slots {@code 0 .. slotCount - 1} of this subtask have producers (or had, in an earlier attempt). */
    private int slotCount;

    ExactlyOnceKafkaSink(KafkaTableConfig table) {
        this.table = table;
        this.failures = new SendFailures(table);
    }

    /**
     * Checks that the job checkpoints. Nothing is initialized yet: a restored sink must commit what it takes over
     * before a producer of the same id fences it.
     */
    @Override
    public void open(OperatorContext context) {
        if (!context.isCheckpointingEnabled()) {
            throw WeirException.validation("Option '" + KafkaConnectorFactory.DELIVERY_GUARANTEE + "' = "
                    + "'exactly-once' of table '" + table.tableName() + "' needs checkpointing, since its Kafka "
                    + "transactions are committed when a checkpoint completes: SET 'execution.checkpointing.interval'"
                    + " (for example to '10 s'), or use 'at-least-once'");
        }
        this.context = context;
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) throws IOException {
        failures.throwIfAny();
        if (chunk.isEmpty()) {
            return;
        }
        if (current == null) {
            current = acquire();
            current.begin();
        }
        records.send(current.producer(), chunk, failures.callback());
    }

    @Override
    public StateSnapshot snapshotState(long checkpointId) {
        if (current != null) {
            flush(current);
            prepared.put(checkpointId, current);
            current = null;
        }
        List<Prepared> transactions = new ArrayList<>(prepared.size());
        prepared.forEach((id, producer) -> transactions.add(new Prepared(id, producer.slot())));
        SinkTransactionState state = new SinkTransactionState(context.subtaskIndex(), slotCount, transactions);
        return writer -> state.writeTo(writer.operatorState());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        commitUpTo(checkpointId);
    }

    /** The job ends: everything it wrote is final, so every transaction is committed now. */
    @Override
    public void endInput(int input, Output out) {
        if (current != null) {
            flush(current);
            prepared.put(Long.MAX_VALUE, current);
            current = null;
        }
        commitUpTo(Long.MAX_VALUE);
    }

    private void commitUpTo(long checkpointId) {
        for (Iterator<Map.Entry<Long, TransactionalProducer>> it = prepared.headMap(checkpointId, true).entrySet()
                .iterator(); it.hasNext(); ) {
            TransactionalProducer producer = it.next().getValue();
            commit(producer);
            it.remove();
            idle.add(producer);
        }
    }

    @Override
    public void restoreState(StateReader state) throws Exception {
        int subtask = context.subtaskIndex();
        int parallelism = context.parallelism();
        for (DataInput input : state.operatorStates()) {
            SinkTransactionState old = SinkTransactionState.readFrom(input);
            // An old subtask's transactions go to one new subtask, whatever the parallelism now.
            if (old.subtask() % parallelism == subtask) {
                takeOver(old);
            }
        }
    }

    /** Commits the restored checkpoint's transactions of {@code old}, then fences all its slots. */
    private void takeOver(SinkTransactionState old) {
        String prefix = table.transactionalIdPrefix();
        for (Prepared transaction : old.prepared()) {
            String id = TransactionalProducer.transactionalId(prefix, old.subtask(), transaction.slot());
            TransactionalProducer producer = PreparedTransactions.take(id, transaction.checkpointId());
            if (producer == null) {
                LOG.info("Kafka transaction '{}' of checkpoint {} is not pending in this process: it was committed "
                        + "before the restart, or its process ended and the broker aborts it", id,
                        transaction.checkpointId());
                continue;
            }
            try {
                producer.commit();
            } catch (KafkaException e) {
                // Kept for the next attempt: a commit that timed out may be retried.
                PreparedTransactions.handOver(producer, transaction.checkpointId(), now(), expiry());
                throw KafkaClients.failure(table, "Cannot commit Kafka transaction '" + id + "'", e);
            }
            producer.close();
        }
        // Initializing each slot fences the old instances and aborts what they left open after the checkpoint.
        for (int slot = 0; slot < Math.max(old.slotCount(), 1); slot++) {
            TransactionalProducer fencer = TransactionalProducer.initialize(table, old.subtask(), slot);
            if (old.subtask() == context.subtaskIndex()) {
                idle.add(fencer);
            } else {
                fencer.close();
            }
        }
        if (old.subtask() == context.subtaskIndex()) {
            slotCount = Math.max(slotCount, Math.max(old.slotCount(), 1));
        }
    }

    /** An idle producer, or the producer of a new slot. */
    private TransactionalProducer acquire() {
        TransactionalProducer producer = idle.poll();
        if (producer == null) {
            producer = TransactionalProducer.initialize(table, context.subtaskIndex(), slotCount);
            slotCount++;
        }
        if (records == null) {
            records = SinkRecords.forSubtask(table, producer.producer(), context.subtaskIndex());
        }
        return producer;
    }

    private void flush(TransactionalProducer producer) {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot write to Kafka", e);
        }
        failures.throwIfAny();
    }

    private void commit(TransactionalProducer producer) {
        try {
            producer.commit();
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot commit Kafka transaction '" + producer.transactionalId() + "'",
                    e);
        }
    }

    /**
     * Aborts the open transaction (its rows come again after a restore) and hands the prepared ones over, since
     * their checkpoint may have completed: a restored sink commits those of its checkpoint.
     */
    @Override
    public void close() {
        if (current != null) {
            current.abortQuietly();
            current.close();
            current = null;
        }
        for (Map.Entry<Long, TransactionalProducer> transaction : prepared.entrySet()) {
            PreparedTransactions.handOver(transaction.getValue(), transaction.getKey(), now(), expiry());
        }
        prepared.clear();
        idle.forEach(TransactionalProducer::close);
        idle.clear();
    }

    private long now() {
        return context.clock().millis();
    }

    /** When the broker aborts a transaction prepared now: after the producer's {@code transaction.timeout.ms}. */
    private long expiry() {
        String timeout = table.clientProperties().get("transaction.timeout.ms");
        long millis = DEFAULT_TRANSACTION_TIMEOUT_MS;
        if (timeout != null) {
            try {
                millis = Long.parseLong(timeout.trim());
            } catch (NumberFormatException e) {
                // The producer itself rejected a malformed value at creation; keep the default here.
            }
        }
        return now() + millis;
    }
}
