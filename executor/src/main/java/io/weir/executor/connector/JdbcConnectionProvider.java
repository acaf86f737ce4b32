package io.weir.executor.connector;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to a database the server controls (the embedded H2 store of managed tables).
 * Every call returns a new connection that the caller owns and closes; it may be called from any task thread.
 */
@FunctionalInterface
public interface JdbcConnectionProvider {

    Connection open() throws SQLException;
}
