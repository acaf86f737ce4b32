package io.weir.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Weir server in its own JVM, on the test's classpath, for tests that kill it with SIGKILL: its output goes to a
 * log beside the data dir ({@code <data-dir>-server.log}, appended to across restarts).
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    /** Starts a server on {@code port} over {@code dataDir} and waits until it answers. */
    public static Process start(Path dataDir, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                WeirServerMain.class.getName(), "--port", String.valueOf(port), "--data-dir", dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolveSibling(dataDir.getFileName() + "-server.log").toFile()))
                .start();
        WeirClient client = new WeirClient(port);
        Await.until("the server answers", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("The server process ended with " + process.exitValue());
            }
            try {
                return client.get("/v1/queries").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        return process;
    }

    /** SIGKILL: the server gets no chance to stop its queries or write anything. */
    public static void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
