package io.weir.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts Weir servers for tests: loopback, a free port, the given data dir. */
public final class TestServers {

    private TestServers() {
    }

    public static WeirServer start(Path dataDir, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put(ServerConfig.PORT, "0");
        all.put(ServerConfig.DATA_DIR, dataDir.toString());
        return WeirServer.start(ServerConfig.fromMap(all));
    }

    public static WeirServer start(Path dataDir) throws Exception {
        return start(dataDir, Map.of());
    }
}
