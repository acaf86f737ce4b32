package io.weir.executor.connector.datagen;

import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.DataType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class DataGenFixture {

    private DataGenFixture() {
    }

    static TableSpec spec(String table, List<String> names, List<DataType> types, String... options) {
        Map<String, String> map = new HashMap<>();
        map.put("connector", "datagen");
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return new TableSpec(table, names, types, map,
                new ConnectorEnvironment(Path.of("data"), List.of(), new MutableClock(0), null));
    }

    static ConnectorTable table(List<String> names, List<DataType> types, String... options) {
        return new DataGenConnectorFactory().create(spec("gen", names, types, options));
    }
}
