package io.weir.executor.connector;

import io.weir.executor.api.WeirException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options a connector accepts, and the one place that checks a table's options against them.
 *
 * <p>Three sorts of keys: required, optional, and per-column field options {@code fields.#.suffix}, where
 * {@code #} is a column name (datagen's {@code fields.id.kind}). The key {@code connector} is always accepted.
 * {@link #validate} rejects an unknown key, a missing required key, or a field option naming an unknown column,
 * each with a message that names the key and the fix; the returned {@link OptionReader} converts values with
 * equally precise messages. Instances are immutable.
 */
public final class ConnectorOptions {

    public static final String CONNECTOR = "connector";
    private static final String FIELD_PREFIX = "fields.";

    private final String connector;
    private final Set<String> required;
    private final Set<String> optional;
    private final Set<String> fieldSuffixes;

    private ConnectorOptions(String connector, Set<String> required, Set<String> optional, Set<String> fieldSuffixes) {
        this.connector = connector;
        this.required = Collections.unmodifiableSet(required);
        this.optional = Collections.unmodifiableSet(optional);
        this.fieldSuffixes = Collections.unmodifiableSet(fieldSuffixes);
    }

    /** Options of connector {@code connector} that accept nothing yet (besides {@code connector}). */
    public static ConnectorOptions forConnector(String connector) {
        return new ConnectorOptions(connector, new LinkedHashSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    public ConnectorOptions required(String... keys) {
        Set<String> next = new LinkedHashSet<>(required);
        next.addAll(List.of(keys));
        return new ConnectorOptions(connector, next, new TreeSet<>(optional), new TreeSet<>(fieldSuffixes));
    }

    public ConnectorOptions optional(String... keys) {
        Set<String> next = new TreeSet<>(optional);
        next.addAll(List.of(keys));
        return new ConnectorOptions(connector, new LinkedHashSet<>(required), next, new TreeSet<>(fieldSuffixes));
    }

    /** Accepts {@code fields.<column>.<suffix>} for every column and each of {@code suffixes}. */
    public ConnectorOptions fieldOptions(String... suffixes) {
        Set<String> next = new TreeSet<>(fieldSuffixes);
        next.addAll(List.of(suffixes));
        return new ConnectorOptions(connector, new LinkedHashSet<>(required), new TreeSet<>(optional), next);
    }

    public String connector() {
        return connector;
    }

    /** Every accepted key, as shown to users: required first, then optional, then field patterns. */
    public List<String> describeSupported() {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        for (String suffix : fieldSuffixes) {
            all.add(FIELD_PREFIX + "#." + suffix);
        }
        return all;
    }

    /** Checks every key of {@code options}; returns a reader over them. */
    public OptionReader validate(Map<String, String> options, List<String> columnNames) {
        for (String key : new TreeSet<>(options.keySet())) {
            if (key.equals(CONNECTOR) || required.contains(key) || optional.contains(key)) {
                continue;
            }
            checkFieldOption(key, columnNames);
        }
        for (String key : required) {
            if (!options.containsKey(key)) {
                throw WeirException.validation("Missing required option '" + key + "' for connector '" + connector + "'");
            }
        }
        return new OptionReader(connector, options);
    }

    private void checkFieldOption(String key, List<String> columnNames) {
        if (key.startsWith(FIELD_PREFIX)) {
            for (String suffix : fieldSuffixes) {
                String tail = "." + suffix;
                if (key.endsWith(tail) && key.length() > FIELD_PREFIX.length() + tail.length()) {
                    String column = key.substring(FIELD_PREFIX.length(), key.length() - tail.length());
                    if (columnNames.contains(column)) {
                        return;
                    }
                    throw WeirException.validation("Option '" + key + "' refers to unknown column '" + column
                            + "'. Columns: " + String.join(", ", columnNames));
                }
            }
        }
        List<String> supported = describeSupported();
        if (supported.isEmpty()) {
            throw WeirException.validation("Unsupported option '" + key + "' for connector '" + connector
                    + "', which takes no options besides 'connector'");
        }
        throw WeirException.validation("Unsupported option '" + key + "' for connector '" + connector
                + "'. Supported options: " + String.join(", ", supported));
    }

    /** The key of field option {@code suffix} of {@code column}: {@code fields.<column>.<suffix>}. */
    public static String fieldKey(String column, String suffix) {
        return FIELD_PREFIX + column + "." + suffix;
    }

    /** Reads validated options with conversions whose errors name the option and the bad value. */
    public static final class OptionReader {

        private final String connector;
        private final Map<String, String> options;

        OptionReader(String connector, Map<String, String> options) {
            this.connector = connector;
            this.options = options;
        }

        public boolean has(String key) {
            return options.containsKey(key);
        }

        /** The value, or null when absent. */
        public String get(String key) {
            return options.get(key);
        }

        public String get(String key, String defaultValue) {
            return options.getOrDefault(key, defaultValue);
        }

        /** The value of a key that must be present (required keys are checked by {@link #validate}). */
        public String require(String key) {
            String value = options.get(key);
            if (value == null) {
                throw WeirException.validation("Missing required option '" + key + "' for connector '" + connector + "'");
            }
            return value;
        }

        /** The value, which must be one of {@code allowed} (compared ignoring case; the allowed spelling is returned). */
        public String choice(String key, String defaultValue, String... allowed) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            for (String candidate : allowed) {
                if (candidate.equalsIgnoreCase(value.trim())) {
                    return candidate;
                }
            }
            throw WeirException.validation("Option '" + key + "' must be one of " + String.join(", ", allowed)
                    + "; got '" + value + "'");
        }

        public boolean getBoolean(String key, boolean defaultValue) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            if (value.trim().equalsIgnoreCase("true")) {
                return true;
            }
            if (value.trim().equalsIgnoreCase("false")) {
                return false;
            }
            throw WeirException.validation("Option '" + key + "' must be 'true' or 'false', got '" + value + "'");
        }

        /** A number (integer or decimal), or null when absent. */
        public BigDecimal getNumber(String key) {
            String value = options.get(key);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw WeirException.validation("Option '" + key + "' must be a number, got '" + value + "'");
            }
        }

        /** A whole number that fits a long. */
        public long getLong(String key, long defaultValue) {
            BigDecimal number = getNumber(key);
            if (number == null) {
                return defaultValue;
            }
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw WeirException.validation("Option '" + key + "' must be a whole number, got '" + options.get(key) + "'");
            }
        }

        public double getDouble(String key, double defaultValue) {
            BigDecimal number = getNumber(key);
            return number == null ? defaultValue : number.doubleValue();
        }

        /**
         * A duration in milliseconds, written as Flink writes them: a number of milliseconds ({@code 5000}) or a
         * number and a unit ({@code 10 s}, {@code 5min}, {@code 2 h}, {@code 1 d}, {@code 250 ms}).
         */
        public long getDurationMillis(String key, long defaultValue) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            String text = value.trim().toLowerCase(Locale.ROOT);
            int digits = 0;
            while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
                digits++;
            }
            long unit = switch (text.substring(digits).trim()) {
                case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> 1L;
                case "s", "sec", "secs", "second", "seconds" -> 1_000L;
                case "min", "mins", "minute", "minutes" -> 60_000L;
                case "h", "hour", "hours" -> 3_600_000L;
                case "d", "day", "days" -> 86_400_000L;
                default -> -1L;
            };
            if (digits == 0 || unit < 0) {
                throw WeirException.validation("Option '" + key + "' must be a duration such as '5000', '10 s' or '1 h'"
                        + ", got '" + value + "'");
            }
            try {
                return Math.multiplyExact(Long.parseLong(text.substring(0, digits)), unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw WeirException.validation("Option '" + key + "' is too large: '" + value + "'");
            }
        }

        /** A single character; {@code \t} and Java-style {@code \}{@code uXXXX} escapes are accepted. */
        public char getChar(String key, char defaultValue) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            if (value.length() == 1) {
                return value.charAt(0);
            }
            if (value.equals("\\t")) {
                return '\t';
            }
            if (value.length() == 6 && value.startsWith("\\u")) {
                try {
                    return (char) Integer.parseInt(value.substring(2), 16);
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
            throw WeirException.validation("Option '" + key + "' must be a single character, got '" + value + "'");
        }
    }
}
