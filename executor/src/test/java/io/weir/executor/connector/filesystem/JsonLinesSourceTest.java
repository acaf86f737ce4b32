package io.weir.executor.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceTest {

    private static final List<String> NAMES = List.of("id", "name", "price");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.decimal(10, 2));

    @TempDir
    Path dir;
    private FsFixture fs;

    @BeforeEach
    void setUp() throws Exception {
        dir = dir.toRealPath();
        fs = new FsFixture(dir);
    }

    private String write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void whenFieldsComeInAnyOrderWithExtras_thenTheyAreMatchedByName() throws Exception {
        String path = write("a.json", "{\"price\": 1.5, \"extra\": {\"x\": [1, 2]}, \"id\": 1, \"name\": \"a\"}\n"
                + "{\"name\": \"b\", \"id\": 2, \"price\": 3}\n");

        assertThat(fs.read(path, "json", NAMES, TYPES)).containsExactly(
                row(1L, "a", new BigDecimal("1.50")),
                row(2L, "b", new BigDecimal("3.00")));
    }

    @Test
    void whenFieldsAreMissingOrNull_thenColumnsAreNull() throws Exception {
        String path = write("a.json", "{\"id\": 1}\n\n   \n{\"id\": null, \"name\": null, \"price\": null}\n");

        assertThat(fs.read(path, "json", NAMES, TYPES)).containsExactly(row(1L, null, null), row(null, null, null));
    }

    @Test
    void whenMissingFieldsMustFail_thenErrorNamesLineAndField() throws Exception {
        String path = write("a.json", "{\"id\": 1, \"name\": \"a\", \"price\": 1}\n{\"id\": 2, \"price\": 1}\n");

        assertThatThrownBy(() -> fs.read(path, "json", NAMES, TYPES, "json.fail-on-missing-field", "true"))
                .hasMessage("File '" + path + "', line 2: Missing field 'name'");
    }

    @Test
    void whenLineIsNotJson_thenErrorNamesFileAndLine() throws Exception {
        String path = write("a.json", "{\"id\": 1}\n{\"id\": 2,,}\n");

        assertThatThrownBy(() -> fs.read(path, "json", NAMES, TYPES))
                .isInstanceOf(WeirException.class)
                .hasMessageStartingWith("File '" + path + "', line 2: Invalid JSON: ")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.EXECUTION);
    }

    @Test
    void whenLineIsNotAnObject_thenErrorSaysSo() throws Exception {
        String path = write("a.json", "[1, 2]\n");

        assertThatThrownBy(() -> fs.read(path, "json", NAMES, TYPES))
                .hasMessage("File '" + path + "', line 1: Expected a JSON object");
    }

    @Test
    void whenValueDoesNotFitColumn_thenErrorNamesLineAndField() throws Exception {
        String path = write("a.json", "{\"id\": \"abc\"}\n");

        assertThatThrownBy(() -> fs.read(path, "json", NAMES, TYPES))
                .hasMessage("File '" + path + "', line 1, field 'id': Cannot read 'abc' as BIGINT");
    }

    @Test
    void whenParseErrorsAreIgnored_thenBadLinesAreSkippedAndBadValuesAreNull() throws Exception {
        String path = write("a.json", "{\"id\": 1, \"name\": \"a\"}\nnot json\n{\"id\": {\"no\": 1}, \"name\": \"b\"}\n"
                + "{\"id\": 3, \"name\": \"c\", \"price\": \"x\"}\n{\"id\": 4} trailing\n{\"id\": 5}");

        assertThat(fs.read(path, "json", NAMES, TYPES, "json.ignore-parse-errors", "true")).containsExactly(
                row(1L, "a", null),
                row(null, "b", null),
                row(3L, "c", null),
                row(5L, null, null));
    }

    @Test
    void whenNestedValueIsReadIntoStringColumn_thenItIsItsJsonText() throws Exception {
        String path = write("a.json", "{\"id\": 1, \"name\": {\"first\": \"Ada\", \"tags\": [1, true, null]}}\n");

        assertThat(fs.read(path, "json", NAMES, TYPES).get(0).get(1))
                .isEqualTo("{\"first\":\"Ada\",\"tags\":[1,true,null]}");
    }

    @Test
    void whenColumnsHaveTemporalAndOtherTypes_thenStringsAndNumbersConvert() throws Exception {
        List<String> names = List.of("ok", "ratio", "day", "ts", "ltz", "small", "label");
        List<DataType> types = List.of(DataType.BOOLEAN, DataType.DOUBLE, DataType.DATE, DataType.TIMESTAMP,
                DataType.of(TypeKind.TIMESTAMP_LTZ), DataType.SMALLINT, DataType.STRING);
        String path = write("a.json", "{\"ok\": true, \"ratio\": 2, \"day\": \"2024-03-01\", "
                + "\"ts\": \"2024-03-01 10:11:12.5\", \"ltz\": \"2024-03-01T10:11:12Z\", \"small\": -5, \"label\": 42}\n");

        assertThat(fs.read(path, "json", names, types)).containsExactly(row(true, 2.0, LocalDate.of(2024, 3, 1),
                LocalDateTime.of(2024, 3, 1, 10, 11, 12, 500_000_000), Instant.parse("2024-03-01T10:11:12Z"), -5L, "42"));
    }

    @Test
    void whenNumberIsOutOfRangeForColumn_thenErrorNamesField() throws Exception {
        String path = write("a.json", "{\"id\": 99999999999999999999}\n");

        assertThatThrownBy(() -> fs.read(path, "json", NAMES, TYPES))
                .hasMessageStartingWith("File '" + path + "', line 1, field 'id': ")
                .hasMessageContaining("out of range for BIGINT");
    }

    @Test
    void whenBothIgnoreAndFailOnMissingAreSet_thenOptionsAreRejected() {
        assertThatThrownBy(() -> fs.table(dir.toString(), "json", NAMES, TYPES, "json.ignore-parse-errors", "true",
                "json.fail-on-missing-field", "true"))
                .hasMessageContaining("cannot both be 'true'");
    }
}
