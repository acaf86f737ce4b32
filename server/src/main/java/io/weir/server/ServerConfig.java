package io.weir.server;

import io.weir.executor.connector.ConnectorEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's configuration: command-line flags over a flat config file ({@code key: value} or
 * {@code key=value} lines, as Flink's config file) over built-in defaults. Keys that are not server settings
 * (such as {@code parallelism.default}) become the default properties of every statement.
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        List<Path> allowedRoots,
        List<String> jdbcAllowedUrls,
        long maxRequestBytes,
        long maxResultRows,
        long longPollMillis,
        long streamKeepAliveMillis,
        boolean seedDemo,
        Map<String, String> queryDefaults) {

    public static final String HOST = "server.host";
    public static final String PORT = "server.port";
    public static final String DATA_DIR = "server.data-dir";
    public static final String ALLOWED_ROOTS = "filesystem.allowed-roots";
    /** Comma-separated prefixes a {@code jdbc} table's {@code url} must start with. */
    public static final String JDBC_ALLOWED_URLS = "jdbc.allowed-urls";
    public static final String MAX_REQUEST = "server.max-request-size";
    public static final String MAX_RESULT_ROWS = "result.max-rows";
    public static final String SEED_DEMO = "server.seed-demo";
    /** The longest a results request waits for rows before answering an empty page (milliseconds). */
    public static final String LONG_POLL_TIMEOUT = "result.long-poll-timeout";
    /** How often an idle result stream sends a keep-alive, which is also how soon a gone client is noticed (ms). */
    public static final String STREAM_KEEP_ALIVE = "result.stream.keep-alive";

    public ServerConfig {
        allowedRoots = List.copyOf(allowedRoots);
        jdbcAllowedUrls = List.copyOf(jdbcAllowedUrls);
        queryDefaults = Map.copyOf(queryDefaults);
    }

    /** Reads {@code --port N --host H --data-dir D --config FILE} and {@code --set key=value}. */
    public static ServerConfig fromArgs(String... args) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown or incomplete argument '" + arg
                        + "'. Usage: weir [--host H] [--port N] [--data-dir DIR] [--config FILE] [--set key=value]...");
            }
            String value = args[++i];
            switch (arg) {
                case "--host" -> flags.put(HOST, value);
                case "--port" -> flags.put(PORT, value);
                case "--data-dir" -> flags.put(DATA_DIR, value);
                case "--config" -> values.putAll(readFile(Path.of(value)));
                case "--set" -> {
                    int eq = value.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set takes key=value, got '" + value + "'");
                    }
                    flags.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
                }
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
        }
        values.putAll(flags);
        return fromMap(values);
    }

    public static ServerConfig fromMap(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        String host = values.remove(HOST);
        int port = intValue(values.remove(PORT), 8080, PORT);
        Path dataDir = Path.of(values.getOrDefault(DATA_DIR, "data")).toAbsolutePath().normalize();
        values.remove(DATA_DIR);
        List<Path> roots = new ArrayList<>();
        String rootList = values.remove(ALLOWED_ROOTS);
        if (rootList == null) {
            roots.add(dataDir);
            Path examples = Path.of("sql-examples").toAbsolutePath().normalize();
            if (Files.isDirectory(examples)) {
                roots.add(examples);
            }
        } else {
            for (String root : rootList.split(",")) {
                if (!root.isBlank()) {
                    roots.add(Path.of(root.trim()).toAbsolutePath().normalize());
                }
            }
        }
        List<String> jdbcUrls = ConnectorEnvironment.DEFAULT_JDBC_ALLOWED_URLS;
        String urlList = values.remove(JDBC_ALLOWED_URLS);
        if (urlList != null) {
            jdbcUrls = new ArrayList<>();
            for (String prefix : urlList.split(",")) {
                if (!prefix.isBlank()) {
                    jdbcUrls.add(prefix.trim());
                }
            }
        }
        long maxRequest = intValue(values.remove(MAX_REQUEST), 4 * 1024 * 1024, MAX_REQUEST);
        long maxRows = intValue(values.remove(MAX_RESULT_ROWS), 1_000_000, MAX_RESULT_ROWS);
        long longPoll = millis(values.remove(LONG_POLL_TIMEOUT), 10_000, LONG_POLL_TIMEOUT);
        long keepAlive = millis(values.remove(STREAM_KEEP_ALIVE), 5_000, STREAM_KEEP_ALIVE);
        boolean seed = !"false".equalsIgnoreCase(values.remove(SEED_DEMO));
        return new ServerConfig(host == null ? "127.0.0.1" : host, port, dataDir, roots, jdbcUrls, maxRequest, maxRows,
                longPoll, keepAlive, seed, values);
    }

    private static long millis(String value, int defaultValue, String key) {
        long millis = intValue(value, defaultValue, key);
        if (millis < 1) {
            throw new IllegalArgumentException("'" + key + "' must be a positive number of milliseconds, got '"
                    + value + "'");
        }
        return millis;
    }

    private static int intValue(String value, int defaultValue, String key) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got '" + value + "'");
        }
    }

    private static Map<String, String> readFile(Path file) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                int eq = trimmed.indexOf('=');
                int sep = colon < 0 ? eq : eq < 0 ? colon : Math.min(colon, eq);
                if (sep < 1) {
                    throw new IllegalArgumentException("Bad line in " + file + ": '" + line + "' (expected key: value)");
                }
                values.put(trimmed.substring(0, sep).trim(), unquote(trimmed.substring(sep + 1).trim()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage());
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
