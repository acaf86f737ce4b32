package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.server.TestServers;
import io.weir.server.WeirClient;
import io.weir.server.WeirServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every windowed Nexmark query of {@code sql-examples/nexmark} gives the same multiset of rows when run through
 * the streaming operators (windows fired by watermarks, late rows dropped) as through the batch operators, at
 * parallelism 1 and 2. The bid table is bounded ({@code events.num}, default 1 million; raise it with
 * {@code -Dnexmark.events=N}) and spread over minutes of event time, so windows really open and close.
 */
class NexmarkStreamingTest {

    private static final Path QUERIES = Path.of("sql-examples", "nexmark");
    private static final long EVENTS = Long.getLong("nexmark.events", 1_000_000L);
    /** Events per second of event time: 1 million events span 200 s, i.e. 20 tumbling windows of 10 s. */
    private static final long RATE = 5_000;

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServers.start(dataDir);
        client = new WeirClient(server.port());
        String tables = Files.readString(QUERIES.resolve("tables.sql"))
                .replace("${events}", Long.toString(EVENTS)).replace("${rate}", Long.toString(RATE));
        client.ok(tables);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** The query files marked {@value #MARKER} (the directory also holds the benchmark's other queries). */
    static Stream<String> queries() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(f -> f.toString().endsWith(".sql") && marked(f))
                    .map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static final String MARKER = "-- checked: streaming equals batch";

    private static boolean marked(Path file) {
        try {
            return Files.readString(file).startsWith(MARKER);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void streamingRunEqualsBatchRun(String file) throws IOException {
        String query = Files.readString(QUERIES.resolve(file));
        List<String> batch = run("batch", 1, query);
        assertThat(batch).as("the batch result of " + file).isNotEmpty();

        // Sorted lists compare as multisets in n log n (AssertJ's any-order comparison is quadratic).
        assertThat(run("streaming", 1, query)).as("streaming at parallelism 1").isEqualTo(batch);
        assertThat(run("streaming", 2, query)).as("streaming at parallelism 2").isEqualTo(batch);
        assertThat(run("batch", 2, query)).as("batch at parallelism 2").isEqualTo(batch);
    }

    private static List<String> run(String mode, int parallelism, String query) {
        JsonNode answer = client.ok("SET 'execution.runtime-mode' = '" + mode + "';\n"
                + "SET 'parallelism.default' = '" + parallelism + "';\n" + query);
        assertThat(answer.get("mode").asText()).isEqualTo(mode);
        List<String> rows = new ArrayList<>();
        answer.get("rows").forEach(row -> rows.add(RowText.of(row)));
        rows.sort(null);
        return rows;
    }
}
