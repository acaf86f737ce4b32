package io.weir.executor.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemPathTest {

    private static final List<String> NAMES = List.of("id");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    @TempDir
    Path temp;
    private Path root;
    private Path outside;
    private FsFixture fs;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectory(temp.toRealPath().resolve("root"));
        outside = Files.createDirectory(temp.toRealPath().resolve("outside"));
        Files.writeString(outside.resolve("secret.csv"), "42\n");
        fs = new FsFixture(root);
    }

    private List<Object> ids(String path) throws Exception {
        return fs.read(path, "csv", NAMES, TYPES).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void whenPathIsADirectory_thenVisibleFilesAreReadInNameOrder() throws Exception {
        Path data = Files.createDirectory(root.resolve("data"));
        Files.writeString(data.resolve("b.csv"), "2\n");
        Files.writeString(data.resolve("a.csv"), "1\n");
        Files.writeString(data.resolve("c.csv"), "3\n");
        Files.writeString(data.resolve(".hidden.csv"), "100\n");
        Files.writeString(data.resolve("_SUCCESS"), "");
        Files.createDirectory(data.resolve("nested"));
        Files.writeString(data.resolve("nested").resolve("d.csv"), "200\n");

        assertThat(ids(data.toString())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void whenReadInParallel_thenFileIGoesToSubtaskIModuloParallelism() throws Exception {
        Path data = Files.createDirectory(root.resolve("data"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(data.resolve("f" + i + ".csv"), i + "\n");
        }
        SourceFactory source = fs.table(data.toString(), "csv", NAMES, TYPES).createSource();

        assertThat(Sources.readSubtask(source, 0, 3, 16, new MutableClock(0)).rows(TYPES)).containsExactly(
                List.of(0L), List.of(3L));
        assertThat(Sources.readSubtask(source, 1, 3, 16, new MutableClock(0)).rows(TYPES)).containsExactly(
                List.of(1L), List.of(4L));
        assertThat(Sources.readSubtask(source, 2, 3, 16, new MutableClock(0)).rows(TYPES)).containsExactly(
                List.of(2L));
    }

    @Test
    void whenDirectoryIsEmpty_thenScanEndsWithNoRows() throws Exception {
        Path data = Files.createDirectory(root.resolve("empty"));

        assertThat(ids(data.toString())).isEmpty();
    }

    @Test
    void whenPathIsAbsoluteOutsideTheRoots_thenItIsRejected() {
        assertThatThrownBy(() -> fs.table("/etc/passwd", "csv", NAMES, TYPES))
                .isInstanceOf(WeirException.class)
                .hasMessage("Path '/etc/passwd' is outside the allowed roots [" + root
                        + "]; configure 'filesystem.allowed-roots' to allow it")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void whenPathClimbsOutWithDotDot_thenItIsRejected() {
        String sneaky = root + "/../outside/secret.csv";

        assertThatThrownBy(() -> fs.table(sneaky, "csv", NAMES, TYPES))
                .hasMessageStartingWith("Path '" + sneaky + "' (it resolves to '" + outside.resolve("secret.csv")
                        + "') is outside the allowed roots");
    }

    @Test
    void whenSymlinkInsideRootPointsOutside_thenItIsRejected() throws Exception {
        Path link = Files.createSymbolicLink(root.resolve("innocent.csv"), outside.resolve("secret.csv"));
        Path dirLink = Files.createSymbolicLink(root.resolve("innocent-dir"), outside);

        assertThatThrownBy(() -> fs.table(link.toString(), "csv", NAMES, TYPES))
                .hasMessageContaining("is outside the allowed roots");
        assertThatThrownBy(() -> fs.table(dirLink.resolve("secret.csv").toString(), "csv", NAMES, TYPES))
                .hasMessageContaining("is outside the allowed roots");
        assertThatThrownBy(() -> fs.table(dirLink.resolve("not-yet").toString(), "csv", NAMES, TYPES))
                .hasMessageContaining("is outside the allowed roots");
    }

    @Test
    void whenDirectoryHoldsASymlinkToOutside_thenTheScanIsRejected() throws Exception {
        Path data = Files.createDirectory(root.resolve("data"));
        Files.writeString(data.resolve("a.csv"), "1\n");
        Files.createSymbolicLink(data.resolve("b.csv"), outside.resolve("secret.csv"));
        var table = fs.table(data.toString(), "csv", NAMES, TYPES);

        assertThatThrownBy(table::createSource).hasMessageContaining("is outside the allowed roots");
    }

    @Test
    void whenSymlinkStaysInsideTheRoot_thenItIsRead() throws Exception {
        Path target = Files.writeString(root.resolve("real.csv"), "7\n");
        Path link = Files.createSymbolicLink(root.resolve("alias.csv"), target);

        assertThat(ids(link.toString())).containsExactly(7L);
    }

    @Test
    void whenPathIsRelative_thenItIsResolvedAgainstTheWorkingDirectory() {
        Path cwd = Path.of("").toAbsolutePath();

        assertThatThrownBy(() -> fs.table("some-file.csv", "csv", NAMES, TYPES))
                .hasMessageContaining("it resolves to '" + cwd.resolve("some-file.csv"));
    }

    @Test
    void whenNoRootIsConfigured_thenEveryPathIsRejected() {
        var spec = new io.weir.executor.connector.TableSpec("t", NAMES, TYPES,
                java.util.Map.of("connector", "filesystem", "format", "csv", "path", root.toString()),
                new io.weir.executor.connector.ConnectorEnvironment(root, List.of(), new MutableClock(0), null));

        assertThatThrownBy(() -> new FileSystemConnectorFactory().create(spec))
                .hasMessage("Path '" + root + "' is outside the allowed roots []; configure 'filesystem.allowed-roots' "
                        + "to allow it");
    }

    @Test
    void whenSourcePathDoesNotExist_thenScanIsAValidationErrorNamingIt() {
        String missing = root.resolve("missing.csv").toString();
        var table = fs.table(missing, "csv", NAMES, TYPES);

        assertThatThrownBy(table::createSource)
                .hasMessage("Path '" + missing + "' of table 't' does not exist")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void whenOptionsAreWrong_thenErrorsNameThem() {
        String path = root.toString();
        assertThatThrownBy(() -> fs.table(path, "xml", NAMES, TYPES))
                .hasMessage("Option 'format' must be one of csv, json; got 'xml'");
        assertThatThrownBy(() -> fs.table(path, "json", NAMES, TYPES, "csv.field-delimiter", ";"))
                .hasMessage("Option 'csv.field-delimiter' does not apply to format 'json'");
        assertThatThrownBy(() -> fs.table(path, "csv", NAMES, TYPES, "pathh", "x"))
                .hasMessageStartingWith("Unsupported option 'pathh' for connector 'filesystem'. Supported options: "
                        + "path, format, csv.allow-comments");
        assertThatThrownBy(() -> fs.table(path, "csv", NAMES, TYPES, "csv.field-delimiter", "ab"))
                .hasMessage("Option 'csv.field-delimiter' must be a single character, got 'ab'");
        assertThatThrownBy(() -> fs.table(path, "csv", NAMES, TYPES, "csv.ignore-parse-errors", "maybe"))
                .hasMessage("Option 'csv.ignore-parse-errors' must be 'true' or 'false', got 'maybe'");
        var noPath = new io.weir.executor.connector.TableSpec("t", NAMES, TYPES,
                java.util.Map.of("connector", "filesystem", "format", "csv"), fs.environment());
        assertThatThrownBy(() -> new FileSystemConnectorFactory().create(noPath))
                .hasMessage("Missing required option 'path' for connector 'filesystem'");
    }
}
