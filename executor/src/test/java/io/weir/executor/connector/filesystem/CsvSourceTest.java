package io.weir.executor.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {

    private static final List<String> NAMES = List.of("id", "name", "score");
    private static final List<DataType> TYPES = List.of(DataType.INTEGER, DataType.STRING, DataType.decimal(5, 2));

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
    void whenFieldsAreQuoted_thenDelimitersQuotesAndLineBreaksAreKept() throws Exception {
        String path = write("a.csv", "1,\"Smith, John\",1.5\r\n2,\"say \"\"hi\"\"\",2\n3,\"two\nlines\",0.25\n");

        assertThat(fs.read(path, "csv", NAMES, TYPES)).containsExactly(
                row(1L, "Smith, John", new BigDecimal("1.50")),
                row(2L, "say \"hi\"", new BigDecimal("2.00")),
                row(3L, "two\nlines", new BigDecimal("0.25")));
    }

    @Test
    void whenFieldIsEmpty_thenNonStringColumnIsNullAndStringColumnIsEmpty() throws Exception {
        String path = write("a.csv", "1,,\n,\"\",\"\"\n");

        assertThat(fs.read(path, "csv", NAMES, TYPES)).containsExactly(
                row(1L, "", null),
                row(null, "", null));
    }

    @Test
    void whenNullLiteralIsSet_thenUnquotedMatchesAreNullButQuotedOnesAreText() throws Exception {
        String path = write("a.csv", "1,\\N,\\N\n2,\"\\N\",1\n");

        assertThat(fs.read(path, "csv", NAMES, TYPES, "csv.null-literal", "\\N")).containsExactly(
                row(1L, null, null),
                row(2L, "\\N", new BigDecimal("1.00")));
    }

    @Test
    void whenCommentsAreAllowed_thenHashLinesAndBlankLinesAreSkipped() throws Exception {
        String path = write("a.csv", "# id,name,score\n1,a,1\n\n# more\n2,b,2\n");

        assertThat(fs.read(path, "csv", NAMES, TYPES, "csv.allow-comments", "true"))
                .extracting(r -> r.get(0)).containsExactly(1L, 2L);
    }

    @Test
    void whenDelimiterAndQuoteAreConfigured_thenTheyAreUsed() throws Exception {
        String path = write("a.csv", "1;'a;b';1\n2\t;'it''s';2\n");

        assertThat(fs.read(path, "csv", NAMES, TYPES, "csv.field-delimiter", ";", "csv.quote-character", "'"))
                .containsExactly(row(1L, "a;b", new BigDecimal("1.00")), row(2L, "it's", new BigDecimal("2.00")));
    }

    @Test
    void whenTabIsTheDelimiter_thenEscapedTabIsAccepted() throws Exception {
        String path = write("a.tsv", "1\tx y\t3\n");

        assertThat(fs.read(path, "csv", NAMES, TYPES, "csv.field-delimiter", "\\t"))
                .containsExactly(row(1L, "x y", new BigDecimal("3.00")));
    }

    @Test
    void whenValueIsBad_thenErrorNamesFileLineAndColumn() throws Exception {
        String path = write("bad.csv", "1,a,1\n2,b,abc\n");

        assertThatThrownBy(() -> fs.read(path, "csv", NAMES, TYPES))
                .isInstanceOf(WeirException.class)
                .hasMessage("File '" + path + "', line 2, column 'score': Cannot read 'abc' as DECIMAL(5, 2)")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.EXECUTION);
    }

    @Test
    void whenIntegerIsOutOfRange_thenErrorNamesColumn() throws Exception {
        String path = write("bad.csv", "3000000000,a,1\n");

        assertThatThrownBy(() -> fs.read(path, "csv", NAMES, TYPES))
                .hasMessage("File '" + path + "', line 1, column 'id': Value 3000000000 is out of range for INTEGER");
    }

    @Test
    void whenRecordHasWrongFieldCount_thenErrorNamesFileAndLine() throws Exception {
        String path = write("bad.csv", "1,a,1\n\"multi\nline\",x\n3,c\n");

        assertThatThrownBy(() -> fs.read(path, "csv", NAMES, TYPES))
                .hasMessage("File '" + path + "', line 2: Expected 3 fields but found 2");
    }

    @Test
    void whenQuoteIsNotClosed_thenErrorNamesTheLineTheRecordStartsOn() throws Exception {
        String path = write("bad.csv", "1,a,1\n2,\"open,1\n");

        assertThatThrownBy(() -> fs.read(path, "csv", NAMES, TYPES))
                .hasMessage("File '" + path + "', line 2: Unterminated quoted field");
    }

    @Test
    void whenParseErrorsAreIgnored_thenBadValuesBecomeNullAndBadRecordsAreSkipped() throws Exception {
        String path = write("bad.csv", "1,a,abc\nx,b,2\n3,too,many,fields\n4,\"a\"b,1\n5,e,5\n6,\"never closed\n");

        assertThat(fs.read(path, "csv", NAMES, TYPES, "csv.ignore-parse-errors", "true")).containsExactly(
                row(1L, "a", null),
                row(null, "b", new BigDecimal("2.00")),
                row(5L, "e", new BigDecimal("5.00")));
    }

    @Test
    void whenColumnsHaveEveryType_thenEachIsParsed() throws Exception {
        List<String> names = List.of("b", "t", "big", "d", "f", "day", "tod", "ts", "ltz", "c");
        List<DataType> types = List.of(DataType.BOOLEAN, DataType.TINYINT, DataType.BIGINT, DataType.DOUBLE,
                DataType.FLOAT, DataType.DATE, DataType.of(TypeKind.TIME), DataType.TIMESTAMP,
                DataType.of(TypeKind.TIMESTAMP_LTZ), new DataType(TypeKind.CHAR, 3, -1, true));
        String path = write("all.csv",
                "true,-7,9007199254740993,1.5e3,0.5,2024-02-29,13:14:15,2024-01-02 03:04:05.678,2024-01-02T03:04:05Z,abc\n");

        assertThat(fs.read(path, "csv", names, types)).containsExactly(row(true, -7L, 9007199254740993L, 1500.0, 0.5,
                LocalDate.of(2024, 2, 29), LocalTime.of(13, 14, 15), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000),
                Instant.parse("2024-01-02T03:04:05Z"), "abc"));
    }

    @Test
    void whenFileIsLongerThanAChunk_thenEveryRowArrivesInChunksOfAtMostChunkSize() throws Exception {
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 2500; i++) {
            text.append(i).append(",n").append(i).append(',').append(i % 100).append('\n');
        }
        String path = write("big.csv", text.toString());

        var out = Sources.readSubtask(fs.table(path, "csv", NAMES, TYPES).createSource(), 0, 1, 1000,
                new io.weir.executor.connector.MutableClock(0));

        assertThat(out.chunks).allSatisfy(c -> assertThat(c.size()).isLessThanOrEqualTo(1000));
        List<List<Object>> rows = out.rows(TYPES);
        assertThat(rows).hasSize(2500);
        assertThat(rows.get(2499)).isEqualTo(row(2499L, "n2499", new BigDecimal("99.00")));
    }
}
