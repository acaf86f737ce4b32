package io.weir.executor.connector.kafka;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.connector.format.FormatOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code 'connector' = 'kafka'}: one topic read as an unbounded (or, with {@code scan.bounded.mode}, bounded)
 * source of JSON or CSV records, and written by {@code INSERT INTO}, with Flink's option names:
 * {@code topic}, {@code properties.bootstrap.servers}, {@code properties.group.id} and any other
 * {@code properties.*} client setting (see {@link KafkaClientProperties} for those refused),
 * {@code scan.startup.mode} ({@code group-offsets} by default), {@code scan.startup.timestamp-millis},
 * {@code scan.bounded.mode} ({@code unbounded} or {@code latest-offset}), {@code sink.partitioner},
 * {@code sink.delivery-guarantee} ({@code at-least-once} by default, {@code exactly-once} or {@code none}),
 * {@code sink.transactional-id-prefix} (required for exactly-once), {@code format}
 * and its {@code json.*}/{@code csv.*} options. Nothing here talks to Kafka: brokers are first contacted when a
 * reader or sink opens.
 */
public final class KafkaConnectorFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "kafka";

    static final String TOPIC = "topic";
    static final String BOOTSTRAP_SERVERS = KafkaClientProperties.PREFIX + "bootstrap.servers";
    static final String STARTUP_MODE = "scan.startup.mode";
    static final String STARTUP_TIMESTAMP = "scan.startup.timestamp-millis";
    static final String BOUNDED_MODE = "scan.bounded.mode";
    static final String SINK_PARTITIONER = "sink.partitioner";
    static final String DELIVERY_GUARANTEE = "sink.delivery-guarantee";
    static final String TRANSACTIONAL_ID_PREFIX = "sink.transactional-id-prefix";

    /** Kafka's rule for topic names. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector(IDENTIFIER)
            .required(TOPIC, BOOTSTRAP_SERVERS, FormatOptions.FORMAT)
            // 'properties.*' is listed so that error messages show it; the keys themselves are checked apart.
            .optional(KafkaClientProperties.PREFIX + "group.id", KafkaClientProperties.PREFIX + "*", STARTUP_MODE,
                    STARTUP_TIMESTAMP, BOUNDED_MODE, SINK_PARTITIONER, DELIVERY_GUARANTEE, TRANSACTIONAL_ID_PREFIX)
            .optional(FormatOptions.KEYS.toArray(new String[0]));

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        Map<String, String> clientProperties = KafkaClientProperties.from(spec.options());
        OptionReader options = OPTIONS.validate(withoutClientProperties(spec.options()), spec.columnNames());
        String topic = topic(options.require(TOPIC));
        String servers = options.require(BOOTSTRAP_SERVERS).trim();
        if (servers.isEmpty()) {
            throw WeirException.validation("Option '" + BOOTSTRAP_SERVERS + "' must name at least one host:port");
        }
        StartupMode startupMode = StartupMode.fromOptionValue(
                options.choice(STARTUP_MODE, StartupMode.GROUP_OFFSETS.optionValue(), StartupMode.optionValues()));
        long startupTimestamp = startupTimestamp(options, startupMode);
        boolean bounded = options.choice(BOUNDED_MODE, "unbounded", "unbounded", "latest-offset")
                .equals("latest-offset");
        SinkPartitioner partitioner = SinkPartitioner.fromOptionValue(
                options.choice(SINK_PARTITIONER, "default", SinkPartitioner.optionValues()));
        DeliveryGuarantee guarantee = DeliveryGuarantee.fromOptionValue(options.choice(DELIVERY_GUARANTEE,
                DeliveryGuarantee.AT_LEAST_ONCE.optionValue(), DeliveryGuarantee.optionValues()));
        KafkaTableConfig config = new KafkaTableConfig(spec.tableName(), topic, servers, clientProperties,
                startupMode, startupTimestamp, bounded, partitioner, guarantee,
                transactionalIdPrefix(options, guarantee, clientProperties), format(spec, options),
                spec.columnTypes());
        return new KafkaTable(config);
    }

    /** The options {@link ConnectorOptions} checks: every one but the free-form client settings. */
    private static Map<String, String> withoutClientProperties(Map<String, String> options) {
        Map<String, String> checked = new HashMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey();
            if (!key.startsWith(KafkaClientProperties.PREFIX) || key.equals(BOOTSTRAP_SERVERS)) {
                checked.put(key, option.getValue());
            }
        }
        return checked;
    }

    private static String topic(String value) {
        String topic = value.trim();
        if (!TOPIC_NAME.matcher(topic).matches()) {
            throw WeirException.validation("Option '" + TOPIC + "' must name one Kafka topic (letters, digits, '.', "
                    + "'_' and '-', at most 249 characters), got '" + value + "'");
        }
        return topic;
    }

    /**
     * The prefix of an exactly-once sink's transactional ids: required then, since it must be stable across
     * restarts and unique among the writers of the cluster (two sinks with one prefix fence each other).
     */
    private static String transactionalIdPrefix(OptionReader options, DeliveryGuarantee guarantee,
            Map<String, String> clientProperties) {
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            if (options.has(TRANSACTIONAL_ID_PREFIX)) {
                throw WeirException.validation("Option '" + TRANSACTIONAL_ID_PREFIX + "' applies only when '"
                        + DELIVERY_GUARANTEE + "' is 'exactly-once'");
            }
            return null;
        }
        if (clientProperties.containsKey("transactional.id")) {
            throw WeirException.validation("Option 'properties.transactional.id' cannot be set: an exactly-once sink "
                    + "derives its transactional ids from '" + TRANSACTIONAL_ID_PREFIX + "'");
        }
        String prefix = options.has(TRANSACTIONAL_ID_PREFIX) ? options.get(TRANSACTIONAL_ID_PREFIX).trim() : "";
        if (prefix.isEmpty()) {
            throw WeirException.validation("Option '" + TRANSACTIONAL_ID_PREFIX + "' is required when '"
                    + DELIVERY_GUARANTEE + "' is 'exactly-once': give a name unique to this sink among the writers "
                    + "of the Kafka cluster and keep it across restarts");
        }
        return prefix;
    }

    private static long startupTimestamp(OptionReader options, StartupMode mode) {
        if (mode != StartupMode.TIMESTAMP) {
            if (options.has(STARTUP_TIMESTAMP)) {
                throw WeirException.validation("Option '" + STARTUP_TIMESTAMP + "' applies only when '" + STARTUP_MODE
                        + "' is 'timestamp'");
            }
            return 0;
        }
        if (!options.has(STARTUP_TIMESTAMP)) {
            throw WeirException.validation("Option '" + STARTUP_TIMESTAMP + "' is required when '" + STARTUP_MODE
                    + "' is 'timestamp'");
        }
        long timestamp = options.getLong(STARTUP_TIMESTAMP, 0);
        if (timestamp < 0) {
            throw WeirException.validation("Option '" + STARTUP_TIMESTAMP + "' must be epoch milliseconds >= 0, got "
                    + timestamp);
        }
        return timestamp;
    }

    private static ValueFormat format(TableSpec spec, OptionReader options) {
        String format = FormatOptions.format(options, spec.options());
        List<String> names = spec.columnNames();
        return format.equals(FormatOptions.CSV)
                ? new CsvValueFormat(FormatOptions.csv(options), names, spec.columnTypes())
                : new JsonValueFormat(FormatOptions.json(options), names, spec.columnTypes());
    }
}
