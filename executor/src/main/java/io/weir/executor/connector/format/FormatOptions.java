package io.weir.executor.connector.format;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import java.util.List;
import java.util.Map;

/**
 * The {@code format} option and the {@code csv.*} / {@code json.*} options that go with it, shared by every
 * connector that reads or writes records as text (filesystem, kafka), with Flink's names and defaults.
 */
public final class FormatOptions {

    public static final String FORMAT = "format";
    public static final String CSV = "csv";
    public static final String JSON = "json";

    /** Every format option a connector using this class should accept besides {@link #FORMAT}. */
    public static final List<String> KEYS = List.of("csv.field-delimiter", "csv.quote-character",
            "csv.allow-comments", "csv.ignore-parse-errors", "csv.null-literal", "json.ignore-parse-errors",
            "json.fail-on-missing-field");

    private static final String CSV_PREFIX = "csv.";
    private static final String JSON_PREFIX = "json.";

    private FormatOptions() {
    }

    /**
     * The table's format, {@link #CSV} or {@link #JSON}.
     *
     * @throws WeirException VALIDATION for another format, or when an option of the other format is set (a
     *                       mistake worth reporting rather than silently ignoring)
     */
    public static String format(OptionReader options, Map<String, String> allOptions) {
        String format = options.choice(FORMAT, null, CSV, JSON);
        if (format == null) {
            throw WeirException.validation("Missing required option '" + FORMAT + "'");
        }
        String foreignPrefix = format.equals(CSV) ? JSON_PREFIX : CSV_PREFIX;
        for (String key : allOptions.keySet()) {
            if (key.startsWith(foreignPrefix)) {
                throw WeirException.validation("Option '" + key + "' does not apply to format '" + format + "'");
            }
        }
        return format;
    }

    public static CsvOptions csv(OptionReader options) {
        char delimiter = options.getChar("csv.field-delimiter", ',');
        char quote = options.getChar("csv.quote-character", '"');
        if (delimiter == quote) {
            throw WeirException.validation("Options 'csv.field-delimiter' and 'csv.quote-character' must differ");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw WeirException.validation("Options 'csv.field-delimiter' and 'csv.quote-character' cannot be a line break");
        }
        return new CsvOptions(delimiter, quote, options.getBoolean("csv.allow-comments", false),
                options.getBoolean("csv.ignore-parse-errors", false), options.get("csv.null-literal"));
    }

    public static JsonOptions json(OptionReader options) {
        boolean ignore = options.getBoolean("json.ignore-parse-errors", false);
        boolean failOnMissing = options.getBoolean("json.fail-on-missing-field", false);
        if (ignore && failOnMissing) {
            throw WeirException.validation("Options 'json.ignore-parse-errors' and 'json.fail-on-missing-field' "
                    + "cannot both be 'true'");
        }
        return new JsonOptions(ignore, failOnMissing);
    }
}
