package io.weir.executor.connector.kafka;

import io.weir.executor.api.Counter;
import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.SplitPosition;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.connector.format.RecordException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one subtask's partitions of a kafka table's topic, each partition a split (see {@link KafkaSplits}),
 * with a consumer that is {@code assign}ed its partitions: no consumer-group rebalancing, so every partition is
 * read by exactly one subtask whatever else runs in the group.
 *
 * <p>Each {@link #pollNext} emits at most one chunk, holding rows of one partition, tagged with that partition's
 * split so event time is tracked per partition. The records of one consumer poll are emitted over as many
 * calls as needed; the consumer is polled again only once they are all out, and then waits at most
 * {@link #POLL_TIMEOUT}, so the task is never held up for long. A record whose value is null (a tombstone)
 * yields no row, as in Flink. A record that cannot be decoded fails the query naming topic, partition and
 * offset, or with {@code *.ignore-parse-errors} is skipped and counted in {@code records_skipped}.
 *
 * <p>Bounded ({@code 'scan.bounded.mode' = 'latest-offset'}): a split ends once its consumer position reaches the
 * end offset seen at {@link #open} (control records of transactions included), and the reader ends when all have.
 *
 * <p>Checkpoints: each split's position is its next offset, under the split id {@code <topic>-<partition>}, so a
 * restored job at any parallelism seeks each partition's new reader there. With a {@code properties.group.id} the
 * offsets of a completed checkpoint are also committed to the group, asynchronously.
 *
 * <p>Called only from its task's thread (the consumer is not thread-safe).
 */
public final class KafkaSourceReader implements SourceReader {

    /** Counter of records skipped because they could not be decoded. */
    public static final String RECORDS_SKIPPED = "records_skipped";

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReader.class);
    private static final byte POSITION_VERSION = 1;
    /** Snapshots kept for a later group commit; older ones are dropped (only monitoring lags). */
    private static final int MAX_UNCOMMITTED = 16;

    private final KafkaTableConfig table;
    private final int subtaskIndex;
    private final int parallelism;

    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaSplits splits;
    private ValueFormat.Decoder decoder;
    private RowBatch batch;
    private Counter skipped;

    /** Records of the last poll not emitted yet: the partitions still to go, then the one being emitted. */
    private ConsumerRecords<byte[], byte[]> pendingRecords;
    private Iterator<TopicPartition> pendingPartitions;
    private List<ConsumerRecord<byte[], byte[]>> current;
    private int currentIndex;
    private int currentSplit;

    /** The record being decoded, for error messages. */
    private int decodingPartition;
    private long decodingOffset;

    /** Positions of the checkpoint being restored, by split id; null when the job starts afresh. */
    private Map<String, byte[]> restoredPositions;
    /**
     * Offsets of snapshots whose checkpoint has not completed yet, oldest first. A source is not told which
     * checkpoint a snapshot belongs to, so a completion commits the oldest: committed group offsets may lag a
     * completed checkpoint (after an abort) but never run ahead of one.
     */
    private final Deque<Map<TopicPartition, OffsetAndMetadata>> uncommitted = new ArrayDeque<>();

    KafkaSourceReader(KafkaTableConfig table, int subtaskIndex, int parallelism) {
        this.table = table;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /**
     * Finds the topic's partitions, assigns this subtask's share and resolves where each starts (and, bounded,
     * ends). Blocks up to {@code default.api.timeout.ms} per request; an unreachable cluster or a missing topic
     * fails with an EXECUTION error naming the topic and the bootstrap servers.
     */
    @Override
    public void open(OperatorContext context) {
        batch = new RowBatch(table.columnTypes(), context.chunkSize());
        skipped = context.counter(RECORDS_SKIPPED);
        decoder = table.format().decoder(this::location);
        consumer = KafkaClients.consumer(table, StartingOffsets.autoOffsetReset(table));
        try {
            splits = KafkaSplits.assign(table.topic(), partitionCount(), subtaskIndex, parallelism);
            if (splits.count() == 0) {
                return;
            }
            consumer.assign(splits.partitions());
            StartingOffsets.apply(consumer, table, splits);
            seekToRestoredPositions();
        } catch (KafkaException e) {
            throw KafkaClients.failure(table, "Cannot start reading from Kafka", e);
        }
    }

    /** Moves every split that the restored checkpoint knows to its stored offset; new partitions start as configured. */
    private void seekToRestoredPositions() {
        if (restoredPositions == null) {
            return;
        }
        for (int split = 0; split < splits.count(); split++) {
            String id = splitId(splits.partition(split));
            byte[] position = restoredPositions.get(id);
            if (position != null) {
                long offset = SplitPosition.decode(position, POSITION_VERSION, 1, id)[0];
                consumer.seek(splits.partition(split), offset);
                splits.setNextOffset(split, offset);
            }
        }
    }

    /** The split id of a partition, the same at every parallelism: {@code <topic>-<partition>}. */
    static String splitId(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }

    /** Each split's next offset: one past the last record emitted or skipped. */
    @Override
    public Map<String, byte[]> snapshotPositions() {
        if (splits == null || splits.count() == 0) {
            return Map.of();
        }
        Map<String, byte[]> positions = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int split = 0; split < splits.count(); split++) {
            TopicPartition partition = splits.partition(split);
            long offset = splits.nextOffset(split);
            positions.put(splitId(partition), SplitPosition.encode(POSITION_VERSION, offset));
            offsets.put(partition, new OffsetAndMetadata(offset));
        }
        if (table.groupId() != null) {
            if (uncommitted.size() == MAX_UNCOMMITTED) {
                uncommitted.pollFirst();
            }
            uncommitted.addLast(offsets);
        }
        return positions;
    }

    @Override
    public void restorePositions(Map<String, byte[]> positions) {
        restoredPositions = Map.copyOf(positions);
    }

    /**
     * Commits the offsets of the oldest snapshot not yet committed to the table's consumer group, asynchronously
     * (the consumer completes the commit in a later poll; the task never waits). A failed commit is only logged
     * by the client: group offsets serve monitoring and {@code group-offsets} startup, never this job's recovery.
     */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map<TopicPartition, OffsetAndMetadata> offsets = uncommitted.pollFirst();
        if (offsets != null && consumer != null) {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    LOG.warn("Committing offsets {} of topic '{}' to group '{}' failed: {}", committed, table.topic(),
                            table.groupId(), error.toString());
                }
            });
        }
    }

    private int partitionCount() {
        List<PartitionInfo> partitions = consumer.partitionsFor(table.topic());
        if (partitions == null || partitions.isEmpty()) {
            throw WeirException.execution("Kafka topic '" + table.topic() + "' of table '" + table.tableName()
                    + "' does not exist (bootstrap servers '" + table.bootstrapServers() + "')");
        }
        int count = 0;
        for (PartitionInfo partition : partitions) {
            count = Math.max(count, partition.partition() + 1);
        }
        return count;
    }

    @Override
    public int splitCount() {
        return splits == null ? 0 : splits.count();
    }

    @Override
    public InputStatus pollNext(SourceOutput out) {
        if (splits.count() == 0) {
            return table.bounded() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        if (current == null && !nextPendingPartition()) {
            try {
                if (table.bounded() && finishCaughtUpSplits()) {
                    return InputStatus.END_OF_INPUT;
                }
                pendingRecords = consumer.poll(POLL_TIMEOUT);
            } catch (KafkaException e) {
                throw KafkaClients.failure(table, "Cannot read from Kafka", e);
            }
            pendingPartitions = pendingRecords.partitions().iterator();
            if (!nextPendingPartition()) {
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        emitCurrent(out);
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean nextPendingPartition() {
        while (pendingPartitions != null && pendingPartitions.hasNext()) {
            TopicPartition partition = pendingPartitions.next();
            int split = splits.splitOf(partition);
            if (split >= 0 && !splits.isFinished(split)) {
                current = pendingRecords.records(partition);
                currentIndex = 0;
                currentSplit = split;
                return true;
            }
        }
        pendingPartitions = null;
        pendingRecords = null;
        return false;
    }

    /** Decodes records of the current partition until the chunk is full or they run out, and emits the chunk. */
    private void emitCurrent(SourceOutput out) {
        int split = currentSplit;
        long stop = splits.stopOffset(split);
        decodingPartition = splits.partition(split).partition();
        while (currentIndex < current.size() && !batch.isFull()) {
            ConsumerRecord<byte[], byte[]> record = current.get(currentIndex++);
            if (record.offset() >= stop) {
                // Produced after a bounded scan opened: not part of it.
                currentIndex = current.size();
                break;
            }
            decodingOffset = record.offset();
            decode(record.value());
            splits.setNextOffset(split, record.offset() + 1);
        }
        if (currentIndex >= current.size()) {
            current = null;
        }
        if (!batch.isEmpty()) {
            out.emit(split, batch.take());
        }
    }

    private void decode(byte[] value) {
        if (value == null) {
            return;
        }
        try {
            decoder.decode(value, batch);
            batch.commitRow();
        } catch (RecordException e) {
            if (!table.format().skipsBadRecords()) {
                throw WeirException.execution(location() + ": " + e.getMessage());
            }
            skipped.inc();
        }
    }

    private String location() {
        return "Topic '" + table.topic() + "', partition " + decodingPartition + ", offset " + decodingOffset;
    }

    /**
     * Ends every bounded split whose position reached its stop offset, pausing its partition so nothing past the
     * end is fetched; true when all have ended. Called only when no polled record is waiting to be emitted, so a
     * position at the stop offset means every record before it has been emitted.
     */
    private boolean finishCaughtUpSplits() {
        for (int split = 0; split < splits.count(); split++) {
            if (!splits.isFinished(split)) {
                TopicPartition partition = splits.partition(split);
                if (consumer.position(partition) >= splits.stopOffset(split)) {
                    splits.finish(split);
                    consumer.pause(List.of(partition));
                }
            }
        }
        return splits.allFinished();
    }

    /** The partition number split {@code split} reads. */
    public int partitionOf(int split) {
        return splits.partition(split).partition();
    }

    /**
     * The offset of the next record split {@code split} will read: one past the last record emitted (or skipped),
     * or where the split started. This is the source's position that a checkpoint stores.
     */
    public long nextOffset(int split) {
        return splits.nextOffset(split);
    }

    /** {@link #nextOffset} of every split, by partition number. */
    public Map<Integer, Long> nextOffsets() {
        return splits == null ? Map.of() : splits.nextOffsets();
    }

    @Override
    public void close() {
        if (consumer != null) {
            KafkaClients.closeUninterrupted(() -> consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT)));
            consumer = null;
        }
    }
}
