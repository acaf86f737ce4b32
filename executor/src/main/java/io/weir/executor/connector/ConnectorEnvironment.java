package io.weir.executor.connector;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the server lends every connector: where its data lives and what it may touch.
 *
 * @param dataDir       the server's data directory
 * @param allowedRoots  the only directories the {@code filesystem} connector may read or write under
 *                      ({@code filesystem.allowed-roots}); empty allows nothing
 * @param clock         the server's clock, for decisions taken while planning (readers use
 *                      {@link io.weir.executor.api.OperatorContext#clock()} at run time)
 * @param managedStore  connections to the embedded database that holds managed tables
 */
public record ConnectorEnvironment(Path dataDir, List<Path> allowedRoots, Clock clock,
        JdbcConnectionProvider managedStore) {

    public ConnectorEnvironment {
        allowedRoots = List.copyOf(allowedRoots);
        Objects.requireNonNull(clock, "clock");
    }
}
