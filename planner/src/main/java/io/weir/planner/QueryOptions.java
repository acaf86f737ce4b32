package io.weir.planner;

import io.weir.executor.api.WeirException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-query settings a statement is planned with ({@code SET} keys, request properties, server defaults),
 * read and checked in one place, with Flink's names and defaults. Unknown keys are allowed (as in Flink) and
 * ignored.
 */
public record QueryOptions(int parallelism, RuntimeMode runtimeMode, long watermarkIntervalMillis,
        long idleTimeoutMillis) {

    public static final String PARALLELISM = "parallelism.default";
    public static final String RUNTIME_MODE = "execution.runtime-mode";
    public static final String WATERMARK_INTERVAL = "pipeline.auto-watermark-interval";
    public static final String IDLE_TIMEOUT = "table.exec.source.idle-timeout";
    private static final int MAX_PARALLELISM = 128;
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|milli|millis|s|sec|second|seconds|min|minute|minutes|h|hour|hours)?");

    /** {@code execution.runtime-mode}: AUTOMATIC picks batch when every source is bounded. */
    public enum RuntimeMode { AUTOMATIC, BATCH, STREAMING }

    public static QueryOptions from(Map<String, String> properties) {
        return new QueryOptions(parallelism(properties.get(PARALLELISM)), mode(properties.get(RUNTIME_MODE)),
                duration(WATERMARK_INTERVAL, properties.get(WATERMARK_INTERVAL), 200),
                duration(IDLE_TIMEOUT, properties.get(IDLE_TIMEOUT), 0));
    }

    /** Checks a value at SET time, so a bad value fails at the SET statement that introduced it. */
    public static void check(String key, String value) {
        if (JobOptions.check(key, value)) {
            return;
        }
        switch (key) {
            case PARALLELISM -> parallelism(value);
            case RUNTIME_MODE -> mode(value);
            case WATERMARK_INTERVAL, IDLE_TIMEOUT -> duration(key, value, 0);
            default -> { }
        }
    }

    /** Whether a query over sources of the given boundedness runs as a streaming job. */
    public boolean streaming(boolean bounded) {
        return switch (runtimeMode) {
            case STREAMING -> true;
            case BATCH -> {
                if (!bounded) {
                    throw WeirException.plan("'" + RUNTIME_MODE + "' is 'batch' but the query reads an unbounded "
                            + "source; use 'streaming' (or 'automatic')");
                }
                yield false;
            }
            case AUTOMATIC -> !bounded;
        };
    }

    private static int parallelism(String value) {
        if (value == null) {
            return 1;
        }
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 1 && p <= MAX_PARALLELISM) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WeirException.validation("'" + PARALLELISM + "' must be a whole number from 1 to " + MAX_PARALLELISM
                + ", got '" + value + "'");
    }

    private static RuntimeMode mode(String value) {
        if (value == null) {
            return RuntimeMode.AUTOMATIC;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "automatic" -> RuntimeMode.AUTOMATIC;
            case "batch" -> RuntimeMode.BATCH;
            case "streaming" -> RuntimeMode.STREAMING;
            default -> throw WeirException.validation("'" + RUNTIME_MODE
                    + "' must be 'batch', 'streaming' or 'automatic', got '" + value + "'");
        };
    }

    /** A duration in Flink's notation ({@code 200 ms}, {@code 5 s}, {@code 1 min}, plain millis), in millis. */
    static long duration(String key, String value, long defaultMillis) {
        if (value == null) {
            return defaultMillis;
        }
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw WeirException.validation("'" + key + "' must be a duration such as '200 ms' or '5 s', got '"
                    + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s", "sec", "second", "seconds" -> amount * 1000;
            case "min", "minute", "minutes" -> amount * 60_000;
            case "h", "hour", "hours" -> amount * 3_600_000;
            default -> amount;
        };
    }
}
