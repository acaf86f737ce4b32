package io.weir.executor.connector.kafka;

import io.weir.executor.api.WeirException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code properties.*} options of a kafka table: the only way a user's settings reach the Kafka clients
 * (the prefix stripped, as in Flink), checked so that a table cannot make the server read its files, load
 * classes or run commands.
 *
 * <p>The check is a deny list that errs on the side of safety: any key naming a file ({@code *.location}), a
 * class ({@code *.class}, {@code *.classes}, {@code metric.reporters}, {@code security.providers}), a URL
 * ({@code *.url}, which may be {@code file:}), a JAAS configuration (it can name login modules and key tabs),
 * config providers (they read files and environment variables), or the Kerberos {@code kinit} command; and the
 * (de)serializers, which Weir sets itself.
 */
final class KafkaClientProperties {

    static final String PREFIX = "properties.";

    private static final List<String> FORBIDDEN_SUFFIXES = List.of(".location", ".class", ".classes", ".url",
            "sasl.jaas.config");
    private static final List<String> FORBIDDEN_KEYS = List.of("config.providers", "metric.reporters",
            "security.providers", "sasl.kerberos.kinit.cmd");
    private static final List<String> WEIR_KEYS = List.of("key.serializer", "value.serializer", "key.deserializer",
            "value.deserializer");

    private KafkaClientProperties() {
    }

    /**
     * The client settings among a table's options: every {@code properties.<key>} as {@code <key>}.
     *
     * @throws WeirException VALIDATION for a key that is not allowed, naming it and why
     */
    static Map<String, String> from(Map<String, String> tableOptions) {
        Map<String, String> client = new TreeMap<>();
        for (Map.Entry<String, String> option : tableOptions.entrySet()) {
            if (option.getKey().startsWith(PREFIX)) {
                String key = option.getKey().substring(PREFIX.length());
                check(option.getKey(), key.toLowerCase(Locale.ROOT).trim());
                client.put(key, option.getValue());
            }
        }
        return client;
    }

    private static void check(String option, String key) {
        if (WEIR_KEYS.contains(key)) {
            throw WeirException.validation("Option '" + option + "' cannot be set: Weir reads and writes records as "
                    + "bytes in the table's 'format'");
        }
        boolean forbidden = FORBIDDEN_KEYS.contains(key) || key.startsWith("config.providers.");
        for (String suffix : FORBIDDEN_SUFFIXES) {
            forbidden |= key.endsWith(suffix);
        }
        if (forbidden) {
            throw WeirException.validation("Option '" + option + "' is not allowed: Kafka client settings that name "
                    + "files, classes, URLs, JAAS configurations, config providers or commands would let a table "
                    + "reach into the server");
        }
    }
}
