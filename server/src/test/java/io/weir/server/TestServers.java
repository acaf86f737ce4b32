package io.weir.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts Weir servers for tests: loopback, a free port, the given data dir. */
public final class TestServers {

    private TestServers() {
    }

    public static WeirServer start(Path dataDir, Map<String, String> settings) throws Exception {
        return WeirServer.start(config(dataDir, settings));
    }

    /** A server whose statements over the test sources of {@code plans} run the jobs those build. */
    static WeirServer start(Path dataDir, Map<String, String> settings, TestPlans plans) throws Exception {
        return WeirServer.start(config(dataDir, settings), plans);
    }

    private static ServerConfig config(Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(ServerConfig.PORT, "0");
        all.put(ServerConfig.DATA_DIR, dataDir.toString());
        return ServerConfig.fromMap(all);
    }

    public static WeirServer start(Path dataDir) throws Exception {
        return start(dataDir, Map.of());
    }
}
