package io.weir.executor.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.TypeKind;
import io.weir.executor.testing.FakeOperatorContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSinkTest {

    private static final List<String> NAMES = List.of("id", "name", "price", "ok", "ratio", "day", "tod", "ts", "ltz");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.decimal(10, 3),
            DataType.BOOLEAN, DataType.DOUBLE, DataType.DATE, DataType.of(TypeKind.TIME), DataType.TIMESTAMP,
            DataType.of(TypeKind.TIMESTAMP_LTZ));

    private static final List<List<Object>> ROWS = List.of(
            row(1L, "plain", new BigDecimal("1.500"), true, 0.25, LocalDate.of(2024, 1, 31), LocalTime.of(1, 2, 3),
                    LocalDateTime.of(2024, 1, 31, 23, 59, 58, 123_000_000), Instant.parse("2024-01-31T00:00:00.5Z")),
            row(2L, "comma, \"quote\" and\nnewline", new BigDecimal("0.001"), false, 1e-7, null, null, null, null),
            row(3L, "", null, null, Double.NaN, LocalDate.of(1969, 12, 31), LocalTime.MIDNIGHT,
                    LocalDateTime.of(1960, 1, 1, 0, 0), Instant.EPOCH),
            row(null, null, new BigDecimal("-12345.678"), true, -3.0, null, null, null, null));

    @TempDir
    Path temp;
    private Path root;
    private FsFixture fs;

    @BeforeEach
    void setUp() throws Exception {
        root = temp.toRealPath();
        fs = new FsFixture(root);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Operator open(OperatorFactory factory, int subtask, int parallelism) throws Exception {
        Operator sink = factory.create();
        sink.open(new FakeOperatorContext(subtask, parallelism, 1024, new MutableClock(0)));
        return sink;
    }

    private static List<String> fileNames(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void writeInTwoSubtasks(String path, String format, String... options) throws Exception {
        OperatorFactory factory = fs.table(path, format, NAMES, TYPES, options).createSink();
        Operator first = open(factory, 0, 2);
        Operator second = open(factory, 1, 2);
        CollectingOutput out = new CollectingOutput();
        first.processChunk(0, Chunks.of(TYPES, ROWS.subList(0, 2)), out);
        second.processChunk(0, Chunks.of(TYPES, ROWS.subList(2, 4)), out);
        first.endInput(0, out);
        second.endInput(0, out);
        first.close();
        second.close();
        assertThat(out.chunks).isEmpty();
    }

    @Test
    void whenCsvIsWrittenAndReadBack_thenEveryValueSurvives() throws Exception {
        String path = root.resolve("out").toString();
        writeInTwoSubtasks(path, "csv", "csv.null-literal", "\\N");

        assertThat(fileNames(Path.of(path))).hasSize(2).allMatch(n -> n.matches("part-[01]-[0-9a-f-]{36}\\.csv"));
        assertThat(fs.read(path, "csv", NAMES, TYPES, "csv.null-literal", "\\N")).containsExactlyInAnyOrderElementsOf(ROWS);
    }

    @Test
    void whenCsvHasNoNullLiteral_thenNullStringsReadBackAsEmptyAndOtherNullsSurvive() throws Exception {
        String path = root.resolve("out").toString();
        writeInTwoSubtasks(path, "csv");

        List<List<Object>> read = fs.read(path, "csv", NAMES, TYPES);
        assertThat(read).hasSize(4);
        assertThat(read).contains(row(null, "", new BigDecimal("-12345.678"), true, -3.0, null, null, null, null));
        assertThat(read).contains(ROWS.get(2));
    }

    @Test
    void whenJsonIsWrittenAndReadBack_thenEveryValueSurvives() throws Exception {
        String path = root.resolve("out").toString();
        writeInTwoSubtasks(path, "json");

        assertThat(fileNames(Path.of(path))).allMatch(n -> n.endsWith(".json"));
        assertThat(fs.read(path, "json", NAMES, TYPES)).containsExactlyInAnyOrderElementsOf(ROWS);
        String first = Files.readAllLines(Path.of(path).resolve(fileNames(Path.of(path)).get(0))).get(0);
        assertThat(first).startsWith("{\"id\":").endsWith("}");
    }

    @Test
    void whenInputHasNotEnded_thenRowsAreInvisibleToReaders() throws Exception {
        Path dir = root.resolve("out");
        Operator sink = open(fs.table(dir.toString(), "csv", NAMES, TYPES).createSink(), 0, 1);
        sink.processChunk(0, Chunks.of(TYPES, ROWS), new CollectingOutput());

        assertThat(fileNames(dir)).singleElement().asString()
                .matches("\\.part-test_job_test_operator-0-[0-9a-f-]{36}\\.csv\\.inprogress");
        assertThat(fs.read(dir.toString(), "csv", NAMES, TYPES)).isEmpty();

        sink.endInput(0, new CollectingOutput());
        sink.close();
        assertThat(fs.read(dir.toString(), "csv", NAMES, TYPES)).hasSize(4);
    }

    @Test
    void whenClosedWithoutEndOfInput_thenTheInProgressFileIsDeleted() throws Exception {
        Path dir = root.resolve("out");
        Operator sink = open(fs.table(dir.toString(), "json", NAMES, TYPES).createSink(), 0, 1);
        sink.processChunk(0, Chunks.of(TYPES, ROWS), new CollectingOutput());
        sink.close();

        assertThat(fileNames(dir)).isEmpty();
    }

    @Test
    void whenSubtaskGetsNoRows_thenItWritesNoFile() throws Exception {
        Path dir = root.resolve("out");
        Operator sink = open(fs.table(dir.toString(), "csv", NAMES, TYPES).createSink(), 0, 1);
        sink.endInput(0, new CollectingOutput());
        sink.close();

        assertThat(fileNames(dir)).isEmpty();
    }

    @Test
    void whenSingleColumnValueIsEmpty_thenTheRowIsNotLostAsABlankLine() throws Exception {
        Path dir = root.resolve("out");
        List<DataType> types = List.of(DataType.BIGINT);
        Operator sink = open(fs.table(dir.toString(), "csv", List.of("id"), types).createSink(), 0, 1);
        sink.processChunk(0, Chunks.of(types, List.of(row((Object) null), row(5L))), new CollectingOutput());
        sink.endInput(0, new CollectingOutput());
        sink.close();

        assertThat(fs.read(dir.toString(), "csv", List.of("id"), types)).containsExactly(row((Object) null), row(5L));
    }

    @Test
    void whenRowsAreNotInserts_thenTheSinkRefusesThem() throws Exception {
        Path dir = root.resolve("out");
        Operator sink = open(fs.table(dir.toString(), "csv", NAMES, TYPES).createSink(), 0, 1);

        assertThatThrownBy(() -> sink.processChunk(0, Chunks.of(TYPES, ROWS, RowKind.DELETE), new CollectingOutput()))
                .hasMessage("A filesystem table accepts only inserted rows, got a -D row");
        sink.close();
        assertThat(fileNames(dir)).isEmpty();
    }

    @Test
    void whenSinkPathIsAFile_thenWritingIsRejected() throws Exception {
        Path file = Files.writeString(root.resolve("a.csv"), "1\n");
        var table = fs.table(file.toString(), "csv", NAMES, TYPES);

        assertThatThrownBy(table::createSink).hasMessageContaining("is a file");
    }

    @Test
    void whenSinkDirectoryIsOutsideTheRoots_thenItIsRejected() {
        String escape = root.resolve("../elsewhere").toString();

        assertThatThrownBy(() -> fs.table(escape, "csv", NAMES, TYPES)).hasMessageContaining("is outside the allowed roots");
    }
}
