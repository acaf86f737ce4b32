package io.weir.executor.connector.filesystem;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;

/**
 * {@code 'connector' = 'filesystem'}: csv or json files under the server's allowed roots, with Flink's option
 * names. Paths are resolved against the working directory and must lie under
 * {@link io.weir.executor.connector.ConnectorEnvironment#allowedRoots()} (real paths compared, see
 * {@link PathGuard}). A scan is bounded; each file is a split. A sink writes part files that become visible when its
 * input ends, which for a continuous {@code INSERT INTO} means when the job ends (see {@link FileSinkOperator}).
 */
public final class FileSystemConnectorFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "filesystem";

    private static final String CSV_PREFIX = "csv.";
    private static final String JSON_PREFIX = "json.";

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector(IDENTIFIER)
            .required("path", "format")
            .optional("csv.field-delimiter", "csv.quote-character", "csv.allow-comments", "csv.ignore-parse-errors",
                    "csv.null-literal", "json.ignore-parse-errors", "json.fail-on-missing-field");

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        OptionReader options = OPTIONS.validate(spec.options(), spec.columnNames());
        String formatName = options.choice("format", null, "csv", "json");
        checkFormatOptions(spec, formatName);
        FileFormat format = formatName.equals("csv")
                ? new CsvFormat(csvOptions(options), spec.columnNames(), spec.columnTypes())
                : new JsonFormat(jsonOptions(options), spec.columnNames(), spec.columnTypes());
        PathGuard guard = new PathGuard(spec.environment().allowedRoots());
        String userPath = options.require("path");
        return new FileSystemTable(spec.tableName(), userPath, guard.resolve(userPath), guard, format,
                spec.columnTypes());
    }

    /** An option of the other format is a mistake worth reporting rather than silently ignoring. */
    private static void checkFormatOptions(TableSpec spec, String format) {
        String foreignPrefix = format.equals("csv") ? JSON_PREFIX : CSV_PREFIX;
        for (String key : spec.options().keySet()) {
            if (key.startsWith(foreignPrefix)) {
                throw WeirException.validation("Option '" + key + "' does not apply to format '" + format + "'");
            }
        }
    }

    private static CsvOptions csvOptions(OptionReader options) {
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

    private static JsonOptions jsonOptions(OptionReader options) {
        boolean ignore = options.getBoolean("json.ignore-parse-errors", false);
        boolean failOnMissing = options.getBoolean("json.fail-on-missing-field", false);
        if (ignore && failOnMissing) {
            throw WeirException.validation("Options 'json.ignore-parse-errors' and 'json.fail-on-missing-field' "
                    + "cannot both be 'true'");
        }
        return new JsonOptions(ignore, failOnMissing);
    }
}
