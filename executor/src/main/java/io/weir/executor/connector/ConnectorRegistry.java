package io.weir.executor.connector;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.blackhole.BlackholeConnectorFactory;
import io.weir.executor.connector.datagen.DataGenConnectorFactory;
import io.weir.executor.connector.filesystem.FileSystemConnectorFactory;
import io.weir.executor.connector.jdbc.JdbcConnectorFactory;
import io.weir.executor.connector.kafka.KafkaConnectorFactory;
import io.weir.executor.connector.nexmark.NexmarkConnectorFactory;
import io.weir.executor.connector.print.PrintConnectorFactory;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The connectors a server knows, by identifier; picks the factory a table's {@code connector} option names.
 * Immutable and thread-safe.
 */
public final class ConnectorRegistry {

    private final Map<String, ConnectorFactory> factories;

    private ConnectorRegistry(Map<String, ConnectorFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** The connectors that ship with Weir, one line each. */
    public static ConnectorRegistry builtIn() {
        return of(
                new DataGenConnectorFactory(),
                new FileSystemConnectorFactory(),
                new JdbcConnectorFactory(),
                new KafkaConnectorFactory(),
                new NexmarkConnectorFactory(),
                new PrintConnectorFactory(),
                new BlackholeConnectorFactory());
    }

    public static ConnectorRegistry of(ConnectorFactory... factories) {
        Map<String, ConnectorFactory> byId = new TreeMap<>();
        for (ConnectorFactory factory : factories) {
            if (byId.put(factory.identifier(), factory) != null) {
                throw new IllegalArgumentException("Two connectors named '" + factory.identifier() + "'");
            }
        }
        return new ConnectorRegistry(byId);
    }

    /** A registry with {@code factory} added (or replacing the one with its identifier). */
    public ConnectorRegistry with(ConnectorFactory factory) {
        Map<String, ConnectorFactory> byId = new TreeMap<>(factories);
        byId.put(factory.identifier(), factory);
        return new ConnectorRegistry(byId);
    }

    /** Identifiers in alphabetical order. */
    public Set<String> identifiers() {
        return factories.keySet();
    }

    /**
     * Creates the table that option {@code connector} of {@code spec} selects.
     *
     * @throws WeirException of kind VALIDATION when the option is missing, names no known connector, or the
     *                       connector rejects the table's other options
     */
    public ConnectorTable create(TableSpec spec) {
        String identifier = spec.option(ConnectorOptions.CONNECTOR);
        if (identifier == null || identifier.isBlank()) {
            throw WeirException.validation("Missing required option 'connector' for table '" + spec.tableName()
                    + "'. Available connectors: " + available());
        }
        ConnectorFactory factory = factories.get(identifier.trim());
        if (factory == null) {
            throw WeirException.validation("Unknown connector '" + identifier + "'. Available connectors: " + available());
        }
        return factory.create(spec);
    }

    private String available() {
        return String.join(", ", factories.keySet());
    }
}
