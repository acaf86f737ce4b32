package io.weir.executor.connector.kafka;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.kafka.PendingRecordBatches.Owner;
import io.weir.executor.connector.kafka.PendingRecordBatches.Writer;
import io.weir.executor.data.Chunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * One subtask of {@code INSERT INTO} a kafka table with {@code 'sink.delivery-guarantee' = 'exactly-once'}, by
 * write-ahead, so that a {@code read_committed} consumer sees each row once, also when the server process dies:
 *
 * <ul>
 *   <li>Record values are encoded as they come and kept ({@link EncodedRecords}); nothing is sent yet. At the
 *       barrier of checkpoint {@code n} ({@link #snapshotState}) they are sealed as batch {@code n}, and every batch
 *       not yet committed is the operator's state: the rows of about one checkpoint interval are held in memory
 *       and in the checkpoint.</li>
 *   <li>{@link #notifyCheckpointComplete}({@code n}) sends every batch {@code <= n} in ONE Kafka transaction of the
 *       producer {@code <prefix>-<subtask>}, together with the commit marker of each owner ({@link CommitMarkers}),
 *       and commits it: the records and the markers become visible at once. Batches at or below their owner's
 *       marker are skipped, since they were committed before a failure.</li>
 *   <li>An aborted checkpoint changes nothing: its batch is sent with the next completed one.</li>
 *   <li>{@link #open} initializes the producer, which fences the instances of a previous attempt (or of a killed
 *       server process) with the same id and ends what they left open. {@link #restoreState} fences the old
 *       subtasks it takes over at a lower parallelism, then commits the batches of the restored checkpoint
 *       (complete by definition) above their markers.</li>
 * </ul>
 *
 * <p>It needs checkpointing: without it nothing would be committed but at {@link #endInput}, which commits
 * everything, sealed or not (a job that ends). Every method runs on the task thread, which also does the blocking
 * Kafka calls (initializing, reading markers, committing).
 */
final class ExactlyOnceKafkaSink implements Operator {

    /** The batch id of the rows a bounded input ended with, after every checkpoint's; never a marker. */
    private static final long UNSEALED = Long.MAX_VALUE;

    private final KafkaTableConfig table;
    private final SendFailures failures;
    private final EncodedRecords buffer = new EncodedRecords();
    private final PendingRecordBatches pending = new PendingRecordBatches();
    private final CommitMarkers markerGroups;
    /** The last committed checkpoint per marker group, as read from Kafka (or committed by this instance). */
    private final Map<String, Long> markers = new HashMap<>();

    private OperatorContext context;
    private TransactionalProducer producer;
    private SinkRecords records;
    /** This subtask as the owner of the records it receives. */
    private Owner self;

    ExactlyOnceKafkaSink(KafkaTableConfig table) {
        this.table = table;
        this.failures = new SendFailures(table);
        this.markerGroups = new CommitMarkers(table);
    }

    /**
     * Checks that the job checkpoints, then initializes the subtask's producer: before a restore reads any marker,
     * so that no older instance of this id can still commit.
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
        int subtask = context.subtaskIndex();
        this.self = new Owner(markerGroups.group(context.jobName(), subtask), subtask);
        this.producer = TransactionalProducer.initialize(table, subtask);
        this.records = SinkRecords.forSubtask(table, producer.producer(), subtask);
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) throws IOException {
        if (!chunk.isEmpty()) {
            records.encode(chunk, buffer);
        }
    }

    @Override
    public StateSnapshot snapshotState(long checkpointId) {
        if (buffer.recordCount() > 0) {
            pending.add(self, buffer.seal(checkpointId));
        }
        Map<Owner, List<RecordBatch>> copy = pending.copy();
        Writer writer = new Writer(context.jobName(), context.subtaskIndex());
        return state -> PendingRecordBatches.write(state.operatorState(), writer, copy);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        commit(checkpointId);
    }

    /**
     * The job ends: everything it received is final, so every batch and the rows since the last barrier are
     * committed now, in one transaction. The marker covers the sealed batches only: rows no checkpoint covers may
     * be routed to another subtask when a job that fails after this point replays them, so a marker cannot tell
     * whether they are in the topic. Such a failure writes them again (at least once), rather than risk losing them.
     */
    @Override
    public void endInput(int input, Output out) {
        if (buffer.recordCount() > 0) {
            pending.add(self, buffer.seal(UNSEALED));
        }
        commit(UNSEALED);
    }

    @Override
    public void restoreState(StateReader state) throws Exception {
        int subtask = context.subtaskIndex();
        int parallelism = context.parallelism();
        List<Writer> writers = pending.restore(state, subtask, parallelism);
        for (Writer writer : writers) {
            // Subtasks below the parallelism fence their own ids at open; the others' zombies are fenced here,
            // before their markers are read. Another query's producers (a savepoint's) are not ours to fence.
            if (writer.subtask() >= parallelism && writer.subtask() % parallelism == subtask
                    && writer.jobName().equals(context.jobName())) {
                TransactionalProducer.initialize(table, writer.subtask()).close();
            }
        }
        List<String> groups = new ArrayList<>();
        pending.upTo(Long.MAX_VALUE).keySet().forEach(owner -> groups.add(owner.markerGroup()));
        if (!groups.contains(self.markerGroup())) {
            groups.add(self.markerGroup());
        }
        markers.putAll(markerGroups.read(groups));
        // The restored checkpoint is complete, so are the batches it holds (all at or below it).
        commit(UNSEALED);
    }

    /**
     * Sends the pending batches at or below {@code checkpointId} that are above their owner's marker, and the new
     * markers, in one transaction, and commits it. A failure leaves the outcome to the broker (the restored sink's
     * producer completes or aborts it, and the markers then say which).
     */
    private void commit(long checkpointId) {
        Map<Owner, List<RecordBatch>> due = pending.upTo(checkpointId);
        if (due.isEmpty()) {
            return;
        }
        readMissingMarkers(due.keySet());
        Map<String, List<RecordBatch>> toSend = new LinkedHashMap<>();
        due.forEach((owner, batches) -> {
            long marker = markers.get(owner.markerGroup());
            List<RecordBatch> above = batches.stream().filter(batch -> batch.checkpointId() > marker).toList();
            if (!above.isEmpty()) {
                toSend.put(owner.markerGroup(), above);
            }
        });
        Map<String, Long> written = new HashMap<>();
        if (!toSend.isEmpty()) {
            try {
                producer.begin();
                toSend.forEach((group, batches) -> {
                    long last = -1;
                    for (RecordBatch batch : batches) {
                        records.send(producer.producer(), batch, failures.callback());
                        if (batch.checkpointId() != UNSEALED) {
                            last = batch.checkpointId();
                        }
                    }
                    if (last > markers.get(group)) {
                        markerGroups.addToTransaction(producer.producer(), group, last);
                        written.put(group, last);
                    }
                });
                producer.commit();
            } catch (KafkaException e) {
                throw KafkaClients.failure(table, "Cannot commit Kafka transaction '" + producer.transactionalId()
                        + "'", e);
            }
            failures.throwIfAny();
        }
        markers.putAll(written);
        pending.removeUpTo(checkpointId);
    }

    /**
     * Reads the markers not known yet: once per owner and sink instance (a job restarted without a checkpoint may
     * have committed some before).
     */
    private void readMissingMarkers(Iterable<Owner> owners) {
        List<String> missing = new ArrayList<>();
        for (Owner owner : owners) {
            if (!markers.containsKey(owner.markerGroup())) {
                missing.add(owner.markerGroup());
            }
        }
        if (!missing.isEmpty()) {
            markers.putAll(markerGroups.read(missing));
        }
    }

    /** Aborts an unfinished commit, if any: its batches are still in the state of the checkpoint a restore uses. */
    @Override
    public void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
