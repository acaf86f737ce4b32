package io.weir.executor.connector.kafka;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Creates a kafka table's consumers and producers from its settings, and turns the clients' failures into
 * errors that name the topic and the bootstrap servers.
 *
 * <p>Defaults that differ from Kafka's, each overridable with {@code properties.*}: a consumer waits at most
 * {@link #DEFAULT_TIMEOUT_MS} for metadata and offsets ({@code default.api.timeout.ms}) and a producer as long
 * for metadata or buffer space ({@code max.block.ms}), so an unreachable cluster fails the query in bounded time
 * rather than after a minute; consumers never commit offsets on their own ({@code enable.auto.commit}: the
 * source's position will live in checkpoints) and never create topics ({@code allow.auto.create.topics}).
 */
final class KafkaClients {

    static final int DEFAULT_TIMEOUT_MS = 10_000;

    private KafkaClients() {
    }

    /** A consumer of raw bytes, assigned nothing yet; {@code autoOffsetReset} applies where no offset is known. */
    static KafkaConsumer<byte[], byte[]> consumer(KafkaTableConfig table, String autoOffsetReset) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT_MS);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putAll(table.clientProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        try {
            return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            throw failure(table, "Cannot create a Kafka consumer", e);
        }
    }

    /** A producer of raw bytes with the table's partitioner. */
    static KafkaProducer<byte[], byte[]> producer(KafkaTableConfig table) {
        return producer(table, null);
    }

    /**
     * A producer of raw bytes with the table's partitioner and, unless null, the transactional id
     * {@code transactionalId} (which makes it idempotent too); its transactions are not initialized yet.
     */
    static KafkaProducer<byte[], byte[]> producer(KafkaTableConfig table, String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_TIMEOUT_MS);
        config.putAll(table.clientProperties());
        if (table.partitioner() == SinkPartitioner.ROUND_ROBIN) {
            config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, RoundRobinPartitioner.class);
        }
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        try {
            return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw failure(table, "Cannot create a Kafka producer", e);
        }
    }

    /**
     * An admin client of the table's cluster, for the exactly-once sink's commit markers: its requests fail after
     * {@link #DEFAULT_TIMEOUT_MS} unless {@code properties.default.api.timeout.ms} says otherwise.
     */
    static Admin admin(KafkaTableConfig table) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT_MS);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT_MS);
        // Producer and consumer settings among the properties do not concern an admin client.
        for (Map.Entry<String, String> property : table.clientProperties().entrySet()) {
            if (AdminClientConfig.configNames().contains(property.getKey())) {
                config.put(property.getKey(), property.getValue());
            }
        }
        try {
            return Admin.create(config);
        } catch (KafkaException e) {
            throw failure(table, "Cannot create a Kafka admin client", e);
        }
    }

    /**
     * An EXECUTION error for a client failure while {@code doing} something with the table's topic. An interrupt
     * is not a failure but a cancellation: it is rethrown as it is, for the task to see.
     */
    static RuntimeException failure(KafkaTableConfig table, String doing, KafkaException e) {
        if (e instanceof InterruptException interrupt) {
            return interrupt;
        }
        String where = " (topic '" + table.topic() + "', bootstrap servers '" + table.bootstrapServers() + "')";
        if (e instanceof TimeoutException) {
            return new WeirException(ErrorKind.EXECUTION, doing + where + ": Kafka did not "
                    + "answer in time (" + e.getMessage() + "). Check that the brokers are up and reachable at "
                    + "'properties.bootstrap.servers' and that the topic exists", e);
        }
        return new WeirException(ErrorKind.EXECUTION, doing + where + ": " + describe(e), e);
    }

    /**
     * Runs a client's {@code close} with the thread's interrupt flag cleared, then restores the flag. A cancelled
     * task closes its reader or sink while interrupted, and an interrupted close gives up early: it would leak the
     * client's sockets and threads, and a producer would drop what it still had to send.
     */
    static void closeUninterrupted(Runnable close) {
        boolean interrupted = Thread.interrupted();
        try {
            close.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
