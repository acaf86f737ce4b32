package io.weir.executor.connector.kafka;

import io.weir.executor.api.WeirException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Puts a freshly assigned consumer where {@code scan.startup.mode} says and records the resolved offsets in the
 * splits, so a reader's start is fixed when it opens (records produced after that are read even in
 * {@code latest-offset} mode). For a bounded scan it also records the end offsets seen now as stop offsets.
 * Every call may block up to the consumer's {@code default.api.timeout.ms}.
 */
final class StartingOffsets {

    private StartingOffsets() {
    }

    /** The {@code auto.offset.reset} a consumer needs for the table's startup mode. */
    static String autoOffsetReset(KafkaTableConfig table) {
        return switch (table.startupMode()) {
            case EARLIEST_OFFSET -> "earliest";
            case LATEST_OFFSET, TIMESTAMP -> "latest";
            case GROUP_OFFSETS -> table.clientProperties().getOrDefault("auto.offset.reset", "latest");
        };
    }

    static void apply(Consumer<byte[], byte[]> consumer, KafkaTableConfig table, KafkaSplits splits) {
        List<TopicPartition> partitions = splits.partitions();
        switch (table.startupMode()) {
            case EARLIEST_OFFSET -> consumer.seekToBeginning(partitions);
            case LATEST_OFFSET -> consumer.seekToEnd(partitions);
            case GROUP_OFFSETS -> seekToCommitted(consumer, table, Set.copyOf(partitions));
            case TIMESTAMP -> seekToTimestamp(consumer, table.startupTimestamp(), partitions);
        }
        try {
            for (int split = 0; split < splits.count(); split++) {
                splits.setNextOffset(split, consumer.position(splits.partition(split)));
            }
        } catch (NoOffsetForPartitionException e) {
            throw WeirException.execution("Consumer group '" + table.groupId() + "' has no committed offset for "
                    + e.partitions() + " and 'properties.auto.offset.reset' is 'none'; commit offsets for the group "
                    + "or choose another 'scan.startup.mode'");
        }
        if (table.bounded()) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (int split = 0; split < splits.count(); split++) {
                splits.setStopOffset(split, ends.get(splits.partition(split)));
            }
        }
    }

    /** Partitions without a committed offset (or a table without a group) are left to {@code auto.offset.reset}. */
    private static void seekToCommitted(Consumer<byte[], byte[]> consumer, KafkaTableConfig table,
            Set<TopicPartition> partitions) {
        if (table.groupId() == null) {
            return;
        }
        for (Map.Entry<TopicPartition, OffsetAndMetadata> committed : consumer.committed(partitions).entrySet()) {
            if (committed.getValue() != null) {
                consumer.seek(committed.getKey(), committed.getValue());
            }
        }
    }

    /** A partition with no record at or after the timestamp starts at its end, as in Flink. */
    private static void seekToTimestamp(Consumer<byte[], byte[]> consumer, long timestamp,
            List<TopicPartition> partitions) {
        Map<TopicPartition, Long> query = new HashMap<>();
        for (TopicPartition partition : partitions) {
            query.put(partition, timestamp);
        }
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(query).entrySet()) {
            if (found.getValue() == null) {
                consumer.seekToEnd(List.of(found.getKey()));
            } else {
                consumer.seek(found.getKey(), found.getValue().offset());
            }
        }
    }
}
