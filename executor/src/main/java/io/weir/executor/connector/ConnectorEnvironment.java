package io.weir.executor.connector;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the server lends every connector: where its data lives and what it may touch.
 *
 * @param dataDir         the server's data directory
 * @param allowedRoots    the only directories the {@code filesystem} connector may read or write under
 *                        ({@code filesystem.allowed-roots}); empty allows nothing
 * @param clock           the server's clock, for decisions taken while planning (readers use
 *                        {@link io.weir.executor.api.OperatorContext#clock()} at run time)
 * @param managedStore    connections to the embedded database that holds managed tables
 * @param jdbcAllowedUrls the prefixes a {@code jdbc} table's {@code url} must start with ({@code jdbc.allowed-urls});
 *                        empty allows nothing. A user's URL reaches a driver only through this guard, because some
 *                        drivers run code named in the URL (H2's {@code INIT=RUNSCRIPT})
 */
public record ConnectorEnvironment(Path dataDir, List<Path> allowedRoots, Clock clock,
        JdbcConnectionProvider managedStore, List<String> jdbcAllowedUrls) {

    /** The default of {@code jdbc.allowed-urls}: PostgreSQL on this machine only. */
    public static final List<String> DEFAULT_JDBC_ALLOWED_URLS =
            List.of("jdbc:postgresql://localhost", "jdbc:postgresql://127.0.0.1");

    public ConnectorEnvironment {
        allowedRoots = List.copyOf(allowedRoots);
        Objects.requireNonNull(clock, "clock");
        jdbcAllowedUrls = List.copyOf(jdbcAllowedUrls);
    }

    /** An environment with the default {@link #DEFAULT_JDBC_ALLOWED_URLS}. */
    public ConnectorEnvironment(Path dataDir, List<Path> allowedRoots, Clock clock, JdbcConnectionProvider managedStore) {
        this(dataDir, allowedRoots, clock, managedStore, DEFAULT_JDBC_ALLOWED_URLS);
    }

    /** This environment with other allowed JDBC URL prefixes. */
    public ConnectorEnvironment withJdbcAllowedUrls(List<String> prefixes) {
        return new ConnectorEnvironment(dataDir, allowedRoots, clock, managedStore, prefixes);
    }
}
