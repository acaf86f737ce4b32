package io.weir.executor.connector.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real single-node Kafka cluster (KRaft, one combined broker and controller on 127.0.0.1) in the test JVM,
 * with an independent producer, consumer and admin client to set up and check what the connector does.
 *
 * <p>Test classes declare {@code @ExtendWith(KafkaTestCluster.Extension.class)} and take the cluster as a
 * parameter: it starts once, for every test class that asks (a few seconds), and stops when the test run ends.
 * Each test makes its own topics ({@link #newTopic}).
 */
public final class KafkaTestCluster implements AutoCloseable {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private final KafkaClusterTestKit kit;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    private KafkaTestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = kit.admin();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        // Not idempotent: on a freshly created partition the idempotent producer can fall into endless
        // OUT_OF_ORDER_SEQUENCE_NUMBER retries, and the test then waits for records that never come. One request in
        // flight keeps each partition's records in order.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaTestCluster start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The default is the newest, unreleased metadata version.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test Kafka cluster", e);
        }
    }

    /** Resolves parameters of type {@link KafkaTestCluster}. */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Extension.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == KafkaTestCluster.class;
        }

        /** The one cluster of the test run, started on first use; JUnit closes it (once) when the run ends. */
        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(KafkaTestCluster.class, key -> start(), KafkaTestCluster.class);
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** Creates a topic with a name no other test uses. */
    /**
     * Waits until every partition of a new topic has a leader the broker knows: producing before that gets
     * NOT_LEADER errors, and the idempotent producer's retries can then loop on out-of-order sequence numbers.
     */
    private void awaitLeaders(String topic, int partitions) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            org.apache.kafka.clients.admin.TopicDescription description;
            try {
                description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            } catch (java.util.concurrent.ExecutionException e) {
                // Right after creation the broker may not know the topic yet.
                description = null;
            }
            if (description != null && description.partitions().size() == partitions
                    && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())
                    && producer.partitionsFor(topic).stream().allMatch(p -> p.leader() != null)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Topic " + topic + " got no leaders within 30 s");
    }

    public String newTopic(String prefix, int partitions) throws Exception {
        String topic = prefix + "-" + TOPICS.incrementAndGet();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        awaitLeaders(topic, partitions);
        return topic;
    }

    /** Sends a record to one partition with the given timestamp; {@link #flush} waits until it is written. */
    public void produce(String topic, int partition, long timestamp, String value) {
        producer.send(new ProducerRecord<>(topic, partition, timestamp, null, value));
    }

    /** Waits until every record sent by {@link #produce} is written (records of a partition keep their order). */
    public void flush() {
        producer.flush();
    }

    /** Commits {@code offsets} (by partition) for consumer group {@code group}. */
    public void commit(String group, String topic, Map<Integer, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((partition, offset) -> commits.put(new TopicPartition(topic, partition),
                new OffsetAndMetadata(offset)));
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.assign(commits.keySet());
            consumer.commitSync(commits);
        }
    }

    /** The offsets {@code group} has committed for {@code topic}, by partition (none when it committed nothing). */
    public Map<Integer, Long> committed(String group, String topic) throws Exception {
        Map<Integer, Long> offsets = new java.util.TreeMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                offsets.put(partition.partition(), offset.offset());
            }
        });
        return offsets;
    }

    /** Reads a topic from its beginning until {@code count} records have come (or a generous deadline passes). */
    public List<ConsumerRecord<String, String>> consume(String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The values a {@code read_committed} consumer reads from {@code topic}, from its beginning up to its last
     * stable offsets (what committed transactions hold, before any transaction still open).
     */
    public List<String> readCommitted(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed, end offsets are the last stable offsets. A commit returns before the broker has
            // written its markers, so wait (briefly) until no transaction holds the stable offsets below the end.
            Map<TopicPartition, Long> ends = stableEnds(consumer, config, partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " up to " + ends);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    /**
     * The last stable offsets of {@code partitions} once they have caught up with the log ends (every transaction
     * written so far has its commit or abort marker), or as they are after a few seconds when a transaction stays
     * open.
     */
    private Map<TopicPartition, Long> stableEnds(KafkaConsumer<String, String> committed, Map<String, Object> config,
            List<TopicPartition> partitions) {
        Map<String, Object> uncommittedConfig = new HashMap<>(config);
        uncommittedConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<String, String> uncommitted = new KafkaConsumer<>(uncommittedConfig,
                new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
                if (stable.equals(uncommitted.endOffsets(partitions)) || System.nanoTime() > deadline) {
                    return stable;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return stable;
                }
            }
        }
    }

    /** The end offset of every partition of {@code topic}, by partition. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((partition, offset) -> ends.put(partition.partition(), offset));
            return ends;
        }
    }

    public Set<String> topics() throws Exception {
        return admin.listTopics().names().get();
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
        try {
            kit.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot stop the test Kafka cluster", e);
        }
    }
}
