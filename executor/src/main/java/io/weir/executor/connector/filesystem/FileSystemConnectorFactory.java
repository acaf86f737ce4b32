package io.weir.executor.connector.filesystem;

import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.connector.format.FormatOptions;

/**
 * {@code 'connector' = 'filesystem'}: csv or json files under the server's allowed roots, with Flink's option
 * names. Paths are resolved against the working directory and must lie under
 * {@link io.weir.executor.connector.ConnectorEnvironment#allowedRoots()} (real paths compared, see
 * {@link PathGuard}). A scan is bounded; each file is a split. A sink writes part files that become visible when its
 * input ends, which for a continuous {@code INSERT INTO} means when the job ends (see {@link FileSinkOperator}).
 */
public final class FileSystemConnectorFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "filesystem";

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector(IDENTIFIER)
            .required("path", FormatOptions.FORMAT)
            .optional(FormatOptions.KEYS.toArray(new String[0]));

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        OptionReader options = OPTIONS.validate(spec.options(), spec.columnNames());
        String formatName = FormatOptions.format(options, spec.options());
        FileFormat format = formatName.equals(FormatOptions.CSV)
                ? new CsvFormat(FormatOptions.csv(options), spec.columnNames(), spec.columnTypes())
                : new JsonFormat(FormatOptions.json(options), spec.columnNames(), spec.columnTypes());
        PathGuard guard = new PathGuard(spec.environment().allowedRoots());
        String userPath = options.require("path");
        return new FileSystemTable(spec.tableName(), userPath, guard.resolve(userPath), guard, format,
                spec.columnTypes());
    }
}
