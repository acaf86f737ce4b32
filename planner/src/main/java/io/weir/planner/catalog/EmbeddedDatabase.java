package io.weir.planner.catalog;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.JdbcConnectionProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The server's embedded H2 database under the data dir: it holds the catalog and the rows of managed tables.
 * Its JDBC URL is fixed here; user SQL never reaches it as a URL (H2 URLs can run scripts).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final JdbcConnectionPool pool;

    private EmbeddedDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the database {@code weir} in {@code dataDir}. */
    public static EmbeddedDatabase open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            // WRITE_DELAY=0: a commit is on disk when it returns. H2 otherwise flushes commits up to half a second
            // later, and a killed server would forget the tables, rows and running queries it had just answered for.
            String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("weir")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            return create(url);
        } catch (java.io.IOException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot create data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** An in-memory database, for tests. */
    public static EmbeddedDatabase inMemory(String name) {
        return create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    private static EmbeddedDatabase create(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "weir", "");
        pool.setMaxConnections(32);
        EmbeddedDatabase db = new EmbeddedDatabase(pool);
        try (Connection ignored = db.open()) {
            return db;
        } catch (SQLException e) {
            pool.dispose();
            throw new WeirException(ErrorKind.INTERNAL, "Cannot open the embedded database: " + e.getMessage(), e);
        }
    }

    public Connection open() throws SQLException {
        return pool.getConnection();
    }

    public JdbcConnectionProvider connections() {
        return this::open;
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException ignored) {
            // Closing anyway; H2 recovers from its log on the next start.
        }
        pool.dispose();
    }
}
