package io.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.server.TestServers;
import io.weir.server.WeirClient;
import io.weir.server.WeirServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example under {@code sql-examples/examples/<name>/} through the HTTP API of a fresh server:
 * {@code query.sql} is posted as one request, and the rows of its last statement must equal
 * {@code expected.txt} (one JSON array per line; {@code # ordered} asks for the same order, otherwise the
 * rows are compared as a multiset).
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("sql-examples", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServers.start(dataDir, Map.of("filesystem.allowed-roots",
                dataDir + "," + Path.of("sql-examples").toAbsolutePath()));
        client = new WeirClient(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(d -> Files.exists(d.resolve("query.sql"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleGivesItsExpectedRows(String name) throws IOException {
        Path dir = EXAMPLES.resolve(name);
        String sql = Files.readString(dir.resolve("query.sql"));
        List<String> expectedLines = Files.readAllLines(dir.resolve("expected.txt"));
        boolean ordered = expectedLines.stream().anyMatch(l -> l.trim().equals("# ordered"));
        List<JsonNode> expected = new ArrayList<>();
        for (String line : expectedLines) {
            if (!line.isBlank() && !line.trim().startsWith("#")) {
                expected.add(JSON.readTree(line));
            }
        }

        JsonNode answer = client.ok(sql);
        List<JsonNode> actual = new ArrayList<>();
        answer.get("rows").forEach(actual::add);

        List<String> actualRows = actual.stream().map(RowText::of).toList();
        List<String> expectedRows = expected.stream().map(RowText::of).toList();
        if (ordered) {
            assertThat(actualRows).as(name).containsExactlyElementsOf(expectedRows);
        } else {
            assertThat(actualRows).as(name).containsExactlyInAnyOrderElementsOf(expectedRows);
        }
    }
}
