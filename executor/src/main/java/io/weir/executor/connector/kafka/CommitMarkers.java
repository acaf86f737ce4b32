package io.weir.executor.connector.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * The commit markers of an exactly-once kafka sink, kept in the Kafka cluster itself: for each owner (the sink
 * subtask that received some records) a consumer group {@code weir-sink-<prefix>-<job>-<owner>} whose committed
 * offset on partition 0 of the sink's topic is the last checkpoint whose records are committed to that topic.
 *
 * <p>Why a consumer group: a producer adds the offset to its transaction ({@link #addToTransaction}), and the
 * broker makes committed offsets of a transaction visible only when the transaction commits, atomically with its
 * records. So after any failure, even of the whole server process, a batch of records whose checkpoint is at or
 * below its owner's marker is known to be in the topic, and one above it is known not to be.
 *
 * <p>The group names the job that received the records: a query restored from another query's savepoint settles
 * that query's batches against that query's markers (the group is carried in the state with the batches), and two
 * queries restored from one savepoint into different topics do not share markers, since the offset is kept on
 * each one's own topic. The group never has members; Kafka expires its offsets after the broker's
 * {@code offsets.retention.minutes} (7 days by default) without a commit.
 */
final class CommitMarkers {

    private final KafkaTableConfig table;
    private final TopicPartition markerPartition;

    CommitMarkers(KafkaTableConfig table) {
        this.table = table;
        this.markerPartition = new TopicPartition(table.topic(), 0);
    }

    /** The marker group of the records subtask {@code owner} of job {@code jobName} receives through this sink. */
    String group(String jobName, int owner) {
        return "weir-sink-" + table.transactionalIdPrefix() + "-" + jobName + "-" + owner;
    }

    /**
     * The last committed checkpoint of each of {@code groups} on this sink's topic, -1 where none is. Waits for
     * transactions still completing ({@code require_stable}), so that a marker a fenced producer was committing is
     * seen once it is committed. Blocking, up to the client's {@code default.api.timeout.ms}.
     */
    Map<String, Long> read(Collection<String> groups) {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        for (String group : groups) {
            specs.put(group, new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(markerPartition)));
        }
        Map<String, Long> markers = new HashMap<>();
        try (Admin admin = KafkaClients.admin(table)) {
            ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(specs,
                    new ListConsumerGroupOffsetsOptions().requireStable(true));
            for (String group : groups) {
                markers.put(group, marker(result, group));
            }
        }
        return markers;
    }

    private long marker(ListConsumerGroupOffsetsResult result, String group) {
        try {
            // The admin client fails the request itself after its default.api.timeout.ms.
            Map<TopicPartition, OffsetAndMetadata> offsets = result.partitionsToOffsetAndMetadata(group).get();
            OffsetAndMetadata offset = offsets.get(markerPartition);
            return offset == null ? -1 : offset.offset();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return -1;
            }
            if (e.getCause() instanceof KafkaException kafka) {
                throw KafkaClients.failure(table, "Cannot read the commit marker '" + group + "'", kafka);
            }
            throw KafkaClients.failure(table, "Cannot read the commit marker '" + group + "'",
                    new KafkaException(e.getCause()));
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    /** Sets the marker of {@code group} to {@code checkpointId} inside {@code producer}'s open transaction. */
    void addToTransaction(KafkaProducer<byte[], byte[]> producer, String group, long checkpointId) {
        producer.sendOffsetsToTransaction(Map.of(markerPartition, new OffsetAndMetadata(checkpointId)),
                new ConsumerGroupMetadata(group));
    }
}
