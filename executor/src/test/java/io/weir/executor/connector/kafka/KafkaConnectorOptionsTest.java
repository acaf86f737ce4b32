package io.weir.executor.connector.kafka;

import static io.weir.executor.connector.kafka.KafkaTables.spec;
import static io.weir.executor.connector.kafka.KafkaTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorRegistry;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option checks happen when the table is made, without any broker. */
class KafkaConnectorOptionsTest {

    private static final String SERVERS = "127.0.0.1:9092";

    @Test
    void whenRegisteredBuiltIn_thenKafkaTablesAreUnboundedUnlessBoundedByLatestOffset() {
        ConnectorTable unbounded = ConnectorRegistry.builtIn().create(spec("events", SERVERS));
        ConnectorTable bounded = ConnectorRegistry.builtIn().create(spec("events", SERVERS,
                "scan.bounded.mode", "latest-offset"));

        assertThat(unbounded.isBounded()).isFalse();
        assertThat(unbounded.createSource().isBounded()).isFalse();
        assertThat(bounded.isBounded()).isTrue();
        assertThat(bounded.createSource().isBounded()).isTrue();
    }

    @Test
    void whenClientPropertiesAreGiven_thenTheyReachTheClientWithoutPrefix() {
        KafkaTableConfig config = ((KafkaSource) table("events", SERVERS, "properties.group.id", "g",
                "properties.max.poll.records", "50", "properties.isolation.level", "read_committed")
                .createSource()).config();

        assertThat(config.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of("bootstrap.servers", SERVERS,
                "group.id", "g", "max.poll.records", "50", "isolation.level", "read_committed"));
        assertThat(config.groupId()).isEqualTo("g");
    }

    @ParameterizedTest
    @ValueSource(strings = {"properties.ssl.keystore.location", "properties.ssl.truststore.location",
            "properties.sasl.jaas.config", "properties.listener.name.x.sasl.jaas.config",
            "properties.interceptor.classes", "properties.sasl.login.callback.handler.class",
            "properties.config.providers", "properties.metric.reporters", "properties.sasl.kerberos.kinit.cmd",
            "properties.sasl.oauthbearer.token.endpoint.url", "properties.SSL.Keystore.Location"})
    void whenAClientPropertyCouldReachIntoTheServer_thenTheTableIsRejected(String key) {
        assertThatThrownBy(() -> table("events", SERVERS, key, "/etc/passwd"))
                .isInstanceOf(WeirException.class)
                .hasMessageStartingWith("Option '" + key + "' is not allowed: ")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void whenASerializerIsSet_thenTheTableIsRejected() {
        assertThatThrownBy(() -> table("events", SERVERS, "properties.value.deserializer", "x.Y"))
                .hasMessageStartingWith("Option 'properties.value.deserializer' cannot be set");
    }

    @Test
    void whenRequiredOptionsAreMissing_thenTheErrorNamesThem() {
        Map<String, String> options = new HashMap<>(spec("events", SERVERS).options());
        options.remove("topic");
        assertThatThrownBy(() -> create(options)).hasMessage("Missing required option 'topic' for connector 'kafka'");
        options.put("topic", "events");
        options.remove("properties.bootstrap.servers");
        assertThatThrownBy(() -> create(options))
                .hasMessage("Missing required option 'properties.bootstrap.servers' for connector 'kafka'");
        options.put("properties.bootstrap.servers", SERVERS);
        options.remove("format");
        assertThatThrownBy(() -> create(options)).hasMessage("Missing required option 'format' for connector 'kafka'");
    }

    @Test
    void whenAnOptionIsUnknown_thenTheErrorListsTheSupportedOnesWithTheClientPropertiesPattern() {
        assertThatThrownBy(() -> table("events", SERVERS, "scan.startup.modee", "earliest-offset"))
                .hasMessageStartingWith("Unsupported option 'scan.startup.modee' for connector 'kafka'")
                .hasMessageContaining("properties.*");
    }

    @Test
    void whenStartupOptionsDisagree_thenTheErrorSaysWhatIsMissingOrOutOfPlace() {
        assertThatThrownBy(() -> table("events", SERVERS, "scan.startup.mode", "timestamp"))
                .hasMessage("Option 'scan.startup.timestamp-millis' is required when 'scan.startup.mode' is 'timestamp'");
        assertThatThrownBy(() -> table("events", SERVERS, "scan.startup.timestamp-millis", "1000"))
                .hasMessage("Option 'scan.startup.timestamp-millis' applies only when 'scan.startup.mode' is 'timestamp'");
        assertThatThrownBy(() -> table("events", SERVERS, "scan.startup.mode", "specific-offsets"))
                .hasMessage("Option 'scan.startup.mode' must be one of earliest-offset, latest-offset, group-offsets, "
                        + "timestamp; got 'specific-offsets'");
        assertThatThrownBy(() -> table("events", SERVERS, "scan.bounded.mode", "timestamp"))
                .hasMessage("Option 'scan.bounded.mode' must be one of unbounded, latest-offset; got 'timestamp'");
    }

    @Test
    void whenTheTopicIsNotOneTopicName_thenTheTableIsRejected() {
        assertThatThrownBy(() -> table("a;b", SERVERS))
                .hasMessageStartingWith("Option 'topic' must name one Kafka topic");
    }

    @Test
    void whenAnOptionOfTheOtherFormatIsSet_thenTheTableIsRejected() {
        assertThatThrownBy(() -> table("events", SERVERS, "csv.field-delimiter", ";"))
                .hasMessage("Option 'csv.field-delimiter' does not apply to format 'json'");
        assertThatThrownBy(() -> table("events", SERVERS, "format", "avro"))
                .hasMessage("Option 'format' must be one of csv, json; got 'avro'");
    }

    @Test
    void whenThePartitionerIsUnknown_thenTheErrorListsTheChoices() {
        assertThatThrownBy(() -> table("events", SERVERS, "sink.partitioner", "com.example.Mine"))
                .hasMessage("Option 'sink.partitioner' must be one of default, fixed, round-robin; got "
                        + "'com.example.Mine'");
    }

    @Test
    void whenExactlyOnceHasNoTransactionalIdPrefix_thenTheErrorNamesTheOption() {
        assertThatThrownBy(() -> table("events", SERVERS, "sink.delivery-guarantee", "exactly-once"))
                .isInstanceOf(WeirException.class)
                .hasMessageStartingWith("Option 'sink.transactional-id-prefix' is required when "
                        + "'sink.delivery-guarantee' is 'exactly-once'");
        assertThatThrownBy(() -> table("events", SERVERS, "sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", " "))
                .hasMessageStartingWith("Option 'sink.transactional-id-prefix' is required");
        assertThatThrownBy(() -> table("events", SERVERS, "sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "p", "properties.transactional.id", "mine"))
                .hasMessageStartingWith("Option 'properties.transactional.id' cannot be set");
    }

    @Test
    void whenTheDeliveryGuaranteeIsNotExactlyOnce_thenATransactionalIdPrefixIsRejected() {
        assertThatThrownBy(() -> table("events", SERVERS, "sink.transactional-id-prefix", "p"))
                .hasMessage("Option 'sink.transactional-id-prefix' applies only when 'sink.delivery-guarantee' is "
                        + "'exactly-once'");
        assertThatThrownBy(() -> table("events", SERVERS, "sink.delivery-guarantee", "twice"))
                .hasMessage("Option 'sink.delivery-guarantee' must be one of exactly-once, at-least-once, none; got "
                        + "'twice'");
    }

    @Test
    void whenTheDeliveryGuaranteeIsOmitted_thenItIsAtLeastOnce() {
        KafkaTableConfig config = ((KafkaSource) table("events", SERVERS).createSource()).config();
        KafkaTableConfig exactlyOnce = ((KafkaSource) table("events", SERVERS, "sink.delivery-guarantee",
                "Exactly-Once", "sink.transactional-id-prefix", "orders-sink").createSource()).config();

        assertThat(config.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(exactlyOnce.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(exactlyOnce.transactionalIdPrefix()).isEqualTo("orders-sink");
    }

    private static ConnectorTable create(Map<String, String> options) {
        TableSpec base = spec("events", SERVERS);
        return new KafkaConnectorFactory().create(new TableSpec(base.tableName(), base.columnNames(),
                base.columnTypes(), options, base.environment()));
    }
}
