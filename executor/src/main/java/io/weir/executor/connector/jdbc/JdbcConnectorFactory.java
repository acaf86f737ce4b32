package io.weir.executor.connector.jdbc;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code 'connector' = 'jdbc'}: a table of PostgreSQL or H2, with Flink's option names ({@code url},
 * {@code table-name}, {@code username}, {@code password}, {@code sink.buffer-flush.max-rows},
 * {@code sink.buffer-flush.interval}). The URL must start with one of the server's {@code jdbc.allowed-urls}: a
 * JDBC URL can make a driver open files or run code, so only URLs the operator of the server allows reach one.
 */
public final class JdbcConnectorFactory implements ConnectorFactory {

    public static final String URL = "url";
    public static final String TABLE_NAME = "table-name";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String FLUSH_MAX_ROWS = "sink.buffer-flush.max-rows";
    public static final String FLUSH_INTERVAL = "sink.buffer-flush.interval";

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector("jdbc")
            .required(URL, TABLE_NAME)
            .optional(USERNAME, PASSWORD, FLUSH_MAX_ROWS, FLUSH_INTERVAL);

    /** A table name, optionally schema-qualified; used unquoted in SQL, so nothing else may pass. */
    private static final Pattern TABLE_NAME_PATTERN =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    @Override
    public String identifier() {
        return "jdbc";
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        OptionReader options = OPTIONS.validate(spec.options(), spec.columnNames());
        String url = options.require(URL).trim();
        checkAllowed(url, spec.environment().jdbcAllowedUrls());
        JdbcDialect dialect = JdbcDialect.forUrl(url);
        String tableName = options.require(TABLE_NAME).trim();
        if (!TABLE_NAME_PATTERN.matcher(tableName).matches()) {
            throw WeirException.validation("Option 'table-name' must be a table name such as 'orders' or"
                    + " 'public.orders' (letters, digits and _), got '" + tableName + "'");
        }
        for (String key : spec.primaryKey()) {
            if (!spec.columnNames().contains(key)) {
                throw WeirException.validation("PRIMARY KEY column '" + key + "' of table '" + spec.tableName()
                        + "' is not one of its physical columns: " + String.join(", ", spec.columnNames()));
            }
        }
        long maxRows = options.getLong(FLUSH_MAX_ROWS, 5_000);
        if (maxRows < 0 || maxRows > Integer.MAX_VALUE) {
            throw WeirException.validation("Option '" + FLUSH_MAX_ROWS + "' must be 0 (off) or a positive number"
                    + " of rows, got '" + options.get(FLUSH_MAX_ROWS) + "'");
        }
        long interval = options.getDurationMillis(FLUSH_INTERVAL, 1_000);
        JdbcTableConfig config = new JdbcTableConfig(url, options.get(USERNAME), options.get(PASSWORD), tableName,
                dialect, spec.columnNames(), spec.columnTypes(), spec.primaryKey(), (int) maxRows, interval);
        return new JdbcTable(spec.tableName(), config);
    }

    private static void checkAllowed(String url, List<String> allowedPrefixes) {
        for (String prefix : allowedPrefixes) {
            if (url.startsWith(prefix) && boundaryAfter(url, prefix)) {
                return;
            }
        }
        throw WeirException.validation("Option 'url' = '" + url + "' is not allowed on this server. Allowed URL"
                + " prefixes (server setting 'jdbc.allowed-urls'): "
                + (allowedPrefixes.isEmpty() ? "none" : String.join(", ", allowedPrefixes)));
    }

    /**
     * True when the URL does not merely extend the prefix's host name: {@code jdbc:postgresql://localhost} must
     * allow {@code ...//localhost:5432/db} and {@code ...//localhost/db}, not {@code ...//localhost.evil.com}.
     */
    private static boolean boundaryAfter(String url, String prefix) {
        if (url.length() == prefix.length() || !Character.isLetterOrDigit(prefix.charAt(prefix.length() - 1))) {
            return true;
        }
        char next = url.charAt(prefix.length());
        return !Character.isLetterOrDigit(next) && next != '.' && next != '-' && next != '_';
    }
}
