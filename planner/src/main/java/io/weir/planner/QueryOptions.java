package io.weir.planner;

import io.weir.executor.api.WeirException;
import java.util.Map;

/**
 * The per-query settings a statement is planned with ({@code SET} keys, request properties, server defaults),
 * read and checked in one place. Unknown keys are allowed (as in Flink) and ignored.
 */
public record QueryOptions(int parallelism, RuntimeMode runtimeMode) {

    public static final String PARALLELISM = "parallelism.default";
    public static final String RUNTIME_MODE = "execution.runtime-mode";
    private static final int MAX_PARALLELISM = 128;

    /** {@code execution.runtime-mode}: AUTOMATIC picks batch when every source is bounded. */
    public enum RuntimeMode { AUTOMATIC, BATCH, STREAMING }

    public static QueryOptions from(Map<String, String> properties) {
        return new QueryOptions(parallelism(properties.get(PARALLELISM)), mode(properties.get(RUNTIME_MODE)));
    }

    /** Checks a value at SET time, so a bad value fails at the SET statement that introduced it. */
    public static void check(String key, String value) {
        switch (key) {
            case PARALLELISM -> parallelism(value);
            case RUNTIME_MODE -> mode(value);
            default -> { }
        }
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
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "automatic" -> RuntimeMode.AUTOMATIC;
            case "batch" -> RuntimeMode.BATCH;
            case "streaming" -> RuntimeMode.STREAMING;
            default -> throw WeirException.validation("'" + RUNTIME_MODE
                    + "' must be 'batch', 'streaming' or 'automatic', got '" + value + "'");
        };
    }
}
