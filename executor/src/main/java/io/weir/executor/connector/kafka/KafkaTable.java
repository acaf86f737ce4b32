package io.weir.executor.connector.kafka;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.connector.ConnectorTable;

/** A kafka topic as a table: scanned by {@link KafkaSource}, written by {@link KafkaSinkOperator}. */
final class KafkaTable implements ConnectorTable {

    private final KafkaTableConfig config;

    KafkaTable(KafkaTableConfig config) {
        this.config = config;
    }

    @Override
    public String tableName() {
        return config.tableName();
    }

    @Override
    public boolean isBounded() {
        return config.bounded();
    }

    @Override
    public SourceFactory createSource() {
        return new KafkaSource(config);
    }

    /**
     * Exactly-once: transactions committed on checkpoint completion ({@link ExactlyOnceKafkaSink}). Otherwise
     * writes cannot be taken back, so unlike the contract's default a sink closed without {@code endInput} keeps
     * what it sent ({@link KafkaSinkOperator}).
     */
    @Override
    public OperatorFactory createSink() {
        if (config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            return () -> new ExactlyOnceKafkaSink(config);
        }
        return () -> new KafkaSinkOperator(config);
    }
}
