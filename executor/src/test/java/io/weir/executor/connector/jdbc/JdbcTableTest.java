package io.weir.executor.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Watermark;
import io.weir.executor.testing.FakeOperatorContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The jdbc table's options, its URL guard, and values of every type written by the sink and read back by the scan. */
class JdbcTableTest {

    private static final List<String> NAMES = List.of("id", "flag", "small", "ratio", "price", "name", "day", "at",
            "ts");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.BOOLEAN, DataType.INTEGER,
            DataType.DOUBLE, DataType.decimal(10, 2), DataType.STRING, DataType.DATE, DataType.of(TypeKind.TIME),
            DataType.TIMESTAMP);
    private static final Output DISCARD = new Output() {
        @Override
        public void emit(Chunk chunk) {
        }

        @Override
        public void emitWatermark(Watermark watermark) {
        }
    };

    private static ConnectorTable create(List<String> allowedUrls, List<String> primaryKey, String... options) {
        Map<String, String> map = new HashMap<>();
        map.put("connector", "jdbc");
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        ConnectorEnvironment environment = new ConnectorEnvironment(Path.of("data"), List.of(), new MutableClock(0), null)
                .withJdbcAllowedUrls(allowedUrls);
        return new JdbcConnectorFactory().create(new TableSpec("t", NAMES, TYPES, primaryKey, map, environment));
    }

    private static ConnectorTable create(String... options) {
        return create(ConnectorEnvironment.DEFAULT_JDBC_ALLOWED_URLS, List.of(), options);
    }

    @Test
    void whenUrlIsMissing_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> create("table-name", "t"))
                .hasMessage("Missing required option 'url' for connector 'jdbc'");
    }

    @Test
    void whenUrlIsNotAllowed_thenTheErrorNamesTheOptionAndTheSetting() {
        assertThatThrownBy(() -> create("url", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'evil.sql'", "table-name", "t"))
                .hasMessageStartingWith("Option 'url' = 'jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'evil.sql'' is not allowed")
                .hasMessageContaining("'jdbc.allowed-urls'");
        assertThatThrownBy(() -> create("url", "jdbc:postgresql://localhost.example.com/db", "table-name", "t"))
                .hasMessageStartingWith("Option 'url'");
    }

    @Test
    void whenUrlHasAnAllowedPrefix_thenTheTableIsCreated() {
        assertThat(create("url", "jdbc:postgresql://localhost:5432/test", "table-name", "public.t").tableName())
                .isEqualTo("t");
        assertThat(create("url", "jdbc:postgresql://127.0.0.1/test", "table-name", "t").isBounded()).isTrue();
    }

    @Test
    void whenTableNameIsNotAPlainName_thenTheErrorNamesTheOption() {
        assertThatThrownBy(() -> create("url", "jdbc:postgresql://localhost/test", "table-name", "t; DROP TABLE x"))
                .hasMessageStartingWith("Option 'table-name' must be a table name");
    }

    @Test
    void whenAnOptionIsUnknownOrMalformed_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> create("url", "jdbc:postgresql://localhost/test", "table-name", "t", "user", "me"))
                .hasMessageStartingWith("Unsupported option 'user' for connector 'jdbc'. Supported options: url,"
                        + " table-name, password");
        assertThatThrownBy(() -> create("url", "jdbc:postgresql://localhost/test", "table-name", "t",
                "sink.buffer-flush.max-rows", "-1"))
                .hasMessageStartingWith("Option 'sink.buffer-flush.max-rows' must be 0 (off) or a positive number");
    }

    @Test
    void whenPrimaryKeyNamesNoColumn_thenItIsAValidationError() {
        assertThatThrownBy(() -> create(ConnectorEnvironment.DEFAULT_JDBC_ALLOWED_URLS, List.of("nope"),
                "url", "jdbc:postgresql://localhost/test", "table-name", "t"))
                .hasMessageStartingWith("PRIMARY KEY column 'nope' of table 't' is not one of its physical columns");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenRowsOfEveryTypeAreWrittenAndScanned_thenTheyComeBackEqual(TestDatabase database) throws Exception {
        String url = database.newUrl();
        TestDatabase.execute(url, "DROP TABLE IF EXISTS typed_rows", "CREATE TABLE typed_rows (\"id\" BIGINT,"
                + " \"flag\" BOOLEAN, \"small\" INTEGER, \"ratio\" DOUBLE PRECISION, \"price\" NUMERIC(10, 2),"
                + " \"name\" VARCHAR(100), \"day\" DATE, \"at\" TIME(3), \"ts\" TIMESTAMP(3))");
        TestDatabase.clearMarkers(url, "test-job");
        ConnectorTable table = create(List.of("jdbc:postgresql://127.0.0.1", "jdbc:h2:mem:"), List.of(),
                "url", url, "table-name", "typed_rows", "username", TestDatabase.USER);
        List<List<Object>> rows = List.of(
                Arrays.asList(1L, true, 7L, 0.5, new BigDecimal("12.34"), "ünïcode", LocalDate.of(2024, 2, 29),
                        LocalTime.of(13, 14, 15, 123_000_000), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000)),
                Arrays.asList(2L, null, null, null, null, null, null, null, null));

        Operator sink = table.createSink().create();
        sink.open(FakeOperatorContext.single());
        sink.processChunk(0, Chunks.of(TYPES, rows), DISCARD);
        sink.endInput(0, DISCARD);
        sink.close();

        CollectingOutput scanned = Sources.readSubtask(table.createSource(), 0, 1, 1024, new MutableClock(0));
        assertThat(scanned.rows(TYPES)).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(Sources.readSubtask(table.createSource(), 1, 2, 1024, new MutableClock(0)).rowCount()).isZero();
    }
}
