package io.weir.executor.connector.filesystem;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.DataType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Filesystem tables over a test's temporary directory, which is the only allowed root. */
final class FsFixture {

    private final Path root;

    FsFixture(Path root) {
        this.root = root;
    }

    ConnectorEnvironment environment() {
        return new ConnectorEnvironment(root, List.of(root), new MutableClock(0), null);
    }

    TableSpec spec(String path, String format, List<String> names, List<DataType> types, String... extraOptions) {
        Map<String, String> options = new HashMap<>();
        options.put("connector", "filesystem");
        options.put("path", path);
        options.put("format", format);
        for (int i = 0; i < extraOptions.length; i += 2) {
            options.put(extraOptions[i], extraOptions[i + 1]);
        }
        return new TableSpec("t", names, types, options, environment());
    }

    ConnectorTable table(String path, String format, List<String> names, List<DataType> types, String... extraOptions) {
        return new FileSystemConnectorFactory().create(spec(path, format, names, types, extraOptions));
    }

    List<List<Object>> read(String path, String format, List<String> names, List<DataType> types,
            String... extraOptions) throws Exception {
        SourceFactory source = table(path, format, names, types, extraOptions).createSource();
        return Sources.readAll(source, types);
    }
}
