package io.weir.executor.connector.kafka;

import io.weir.executor.data.DataType;
import java.util.List;
import java.util.Map;

/**
 * A kafka table's validated options, as its readers and sinks need them. Immutable.
 *
 * @param tableName        the table's name, for messages
 * @param topic            the one topic the table reads and writes
 * @param bootstrapServers {@code properties.bootstrap.servers}, also named in connection errors
 * @param clientProperties every {@code properties.*} option without its prefix (checked by
 *                         {@link KafkaClientProperties}), bootstrap servers and group id included
 * @param startupMode      where readers start ({@code scan.startup.mode})
 * @param startupTimestamp epoch millis for {@link StartupMode#TIMESTAMP}, else unused
 * @param bounded          {@code 'scan.bounded.mode' = 'latest-offset'}: readers stop at the end offsets seen
 *                         when they open
 * @param partitioner      how the sink picks partitions ({@code sink.partitioner})
 * @param deliveryGuarantee what the sink promises across failures ({@code sink.delivery-guarantee})
 * @param transactionalIdPrefix {@code sink.transactional-id-prefix}: the start of the transactional ids of an
 *                         exactly-once sink, null otherwise
 * @param format           the records' {@code format}
 * @param columnTypes      the table's physical columns, which a record's value holds
 */
record KafkaTableConfig(String tableName, String topic, String bootstrapServers, Map<String, String> clientProperties,
        StartupMode startupMode, long startupTimestamp, boolean bounded, SinkPartitioner partitioner,
        DeliveryGuarantee deliveryGuarantee, String transactionalIdPrefix, ValueFormat format, List<DataType> columnTypes) {

    KafkaTableConfig {
        clientProperties = Map.copyOf(clientProperties);
        columnTypes = List.copyOf(columnTypes);
    }

    /** {@code properties.group.id}, or null. */
    String groupId() {
        return clientProperties.get("group.id");
    }
}
