package io.weir.planner;

import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.CheckpointConfig;
import io.weir.executor.checkpoint.CheckpointingMode;
import io.weir.executor.job.JobConfig;
import io.weir.executor.job.RestartStrategy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of how a continuous query's job runs, beyond its plan: checkpoints ({@code execution.checkpointing.*}),
 * restarts ({@code restart-strategy.*}) and the savepoint it starts from ({@code execution.savepoint.path}), with
 * Flink's names and defaults. Read and checked in one place, like {@link QueryOptions}.
 */
public final class JobOptions {

    public static final String INTERVAL = "execution.checkpointing.interval";
    public static final String TIMEOUT = "execution.checkpointing.timeout";
    public static final String MIN_PAUSE = "execution.checkpointing.min-pause";
    public static final String MAX_CONCURRENT = "execution.checkpointing.max-concurrent-checkpoints";
    public static final String TOLERABLE_FAILURES = "execution.checkpointing.tolerable-failed-checkpoints";
    public static final String MODE = "execution.checkpointing.mode";
    public static final String NUM_RETAINED = "execution.checkpointing.num-retained";
    public static final String DIR = "execution.checkpointing.dir";
    public static final String SAVEPOINT_DIR = "execution.checkpointing.savepoint-dir";
    public static final String SAVEPOINT_PATH = "execution.savepoint.path";
    public static final String RESTART_TYPE = "restart-strategy.type";
    static final String FIXED_ATTEMPTS = "restart-strategy.fixed-delay.attempts";
    static final String FIXED_DELAY = "restart-strategy.fixed-delay.delay";
    static final String EXP_INITIAL = "restart-strategy.exponential-delay.initial-backoff";
    static final String EXP_MAX = "restart-strategy.exponential-delay.max-backoff";
    static final String EXP_MULTIPLIER = "restart-strategy.exponential-delay.backoff-multiplier";
    static final String EXP_RESET = "restart-strategy.exponential-delay.reset-backoff-threshold";
    static final String EXP_ATTEMPTS = "restart-strategy.exponential-delay.attempts-before-reset-backoff";
    static final String RATE_MAX = "restart-strategy.failure-rate.max-failures-per-interval";
    static final String RATE_INTERVAL = "restart-strategy.failure-rate.failure-rate-interval";
    static final String RATE_DELAY = "restart-strategy.failure-rate.delay";

    private JobOptions() {
    }

    /**
     * The job configuration of query {@code queryId}.
     *
     * @param checkpointRoot where checkpoints go unless {@code execution.checkpointing.dir} says otherwise; each
     *                       query gets its own directory below it, named after its id
     * @param restoreFrom    the checkpoint to start from (resolved and checked by the caller), or null
     */
    public static JobConfig from(Map<String, String> properties, Path checkpointRoot, String queryId,
            Path restoreFrom) {
        String dir = properties.get(DIR);
        Path root = dir == null ? checkpointRoot : Path.of(dir);
        long interval = QueryOptions.duration(INTERVAL, properties.get(INTERVAL), 0);
        CheckpointConfig checkpoints = new CheckpointConfig(interval,
                positive(TIMEOUT, QueryOptions.duration(TIMEOUT, properties.get(TIMEOUT),
                        CheckpointConfig.DEFAULT_TIMEOUT_MILLIS)),
                QueryOptions.duration(MIN_PAUSE, properties.get(MIN_PAUSE), 0),
                integer(MAX_CONCURRENT, properties.get(MAX_CONCURRENT), 1, 1),
                integer(TOLERABLE_FAILURES, properties.get(TOLERABLE_FAILURES), 0, 0),
                mode(properties.get(MODE)),
                integer(NUM_RETAINED, properties.get(NUM_RETAINED), 3, 1),
                root.resolve(queryId));
        return new JobConfig(checkpoints, restart(properties, interval > 0), restoreFrom);
    }

    /** Checks a value at SET time; false when the key is not one of these settings. */
    static boolean check(String key, String value) {
        if (!key.startsWith("execution.checkpointing.") && !key.startsWith("restart-strategy.")
                && !key.equals(SAVEPOINT_PATH)) {
            return false;
        }
        switch (key) {
            case INTERVAL, TIMEOUT, MIN_PAUSE, FIXED_DELAY, EXP_INITIAL, EXP_MAX, EXP_RESET, RATE_INTERVAL,
                    RATE_DELAY -> QueryOptions.duration(key, value, 0);
            case MAX_CONCURRENT, NUM_RETAINED, FIXED_ATTEMPTS, EXP_ATTEMPTS, RATE_MAX -> integer(key, value, 1, 1);
            case TOLERABLE_FAILURES -> integer(key, value, 0, 0);
            case MODE -> mode(value);
            case RESTART_TYPE -> restart(Map.of(RESTART_TYPE, value), true);
            case EXP_MULTIPLIER -> multiplier(value);
            default -> { }
        }
        return true;
    }

    private static RestartStrategy restart(Map<String, String> p, boolean checkpointing) {
        String type = p.get(RESTART_TYPE);
        if (type == null) {
            return checkpointing ? RestartStrategy.defaultWithCheckpointing() : new RestartStrategy.None();
        }
        return switch (type.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "none", "off", "disable" -> new RestartStrategy.None();
            case "fixed-delay", "fixeddelay" -> new RestartStrategy.FixedDelay(
                    integer(FIXED_ATTEMPTS, p.get(FIXED_ATTEMPTS), 1, 0),
                    QueryOptions.duration(FIXED_DELAY, p.get(FIXED_DELAY), 1_000));
            case "exponential-delay", "exponentialdelay" -> new RestartStrategy.ExponentialDelay(
                    QueryOptions.duration(EXP_INITIAL, p.get(EXP_INITIAL), 1_000),
                    QueryOptions.duration(EXP_MAX, p.get(EXP_MAX), 60_000),
                    p.get(EXP_MULTIPLIER) == null ? 1.5 : multiplier(p.get(EXP_MULTIPLIER)),
                    QueryOptions.duration(EXP_RESET, p.get(EXP_RESET), 3_600_000),
                    integer(EXP_ATTEMPTS, p.get(EXP_ATTEMPTS), Integer.MAX_VALUE, 0));
            case "failure-rate", "failurerate" -> new RestartStrategy.FailureRate(
                    integer(RATE_MAX, p.get(RATE_MAX), 1, 1),
                    QueryOptions.duration(RATE_INTERVAL, p.get(RATE_INTERVAL), 60_000),
                    QueryOptions.duration(RATE_DELAY, p.get(RATE_DELAY), 1_000));
            default -> throw WeirException.validation("'" + RESTART_TYPE + "' must be 'none', 'fixed-delay', "
                    + "'exponential-delay' or 'failure-rate', got '" + type + "'");
        };
    }

    private static CheckpointingMode mode(String value) {
        if (value == null) {
            return CheckpointingMode.EXACTLY_ONCE;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "EXACTLY_ONCE" -> CheckpointingMode.EXACTLY_ONCE;
            case "AT_LEAST_ONCE" -> CheckpointingMode.AT_LEAST_ONCE;
            default -> throw WeirException.validation("'" + MODE + "' must be 'EXACTLY_ONCE' or 'AT_LEAST_ONCE', got '"
                    + value + "'");
        };
    }

    private static int integer(String key, String value, int defaultValue, int min) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WeirException.validation("'" + key + "' must be a whole number of at least " + min + ", got '" + value
                + "'");
    }

    private static double multiplier(String value) {
        try {
            double m = Double.parseDouble(value.trim());
            if (m >= 1) {
                return m;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WeirException.validation("'" + EXP_MULTIPLIER + "' must be a number of at least 1, got '" + value + "'");
    }

    private static long positive(String key, long millis) {
        if (millis <= 0) {
            throw WeirException.validation("'" + key + "' must be longer than 0");
        }
        return millis;
    }
}
