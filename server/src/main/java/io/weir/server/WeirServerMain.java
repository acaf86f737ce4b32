package io.weir.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar weir-server.jar [--host H] [--port N] [--data-dir DIR] [--config FILE] [--set k=v]}. */
public final class WeirServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(WeirServerMain.class);

    private WeirServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config;
        try {
            config = ServerConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        WeirServer server = WeirServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            server.close();
        }, "weir-shutdown"));
    }
}
