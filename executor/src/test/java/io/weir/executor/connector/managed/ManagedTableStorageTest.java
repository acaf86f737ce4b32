package io.weir.executor.connector.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.Operator;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.testing.FakeOperatorContext;
import io.weir.executor.connector.JdbcConnectionProvider;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedTableStorageTest {

    private static final List<DataType> TYPES = List.of(DataType.BOOLEAN, DataType.TINYINT, DataType.SMALLINT,
            DataType.INTEGER, DataType.BIGINT, DataType.FLOAT, DataType.DOUBLE, DataType.decimal(10, 3),
            DataType.decimal(19, 0), new DataType(TypeKind.CHAR, 3, -1, true), DataType.varchar(5), DataType.STRING,
            DataType.DATE, DataType.of(TypeKind.TIME), DataType.TIMESTAMP, DataType.of(TypeKind.TIMESTAMP_LTZ),
            DataType.of(TypeKind.INTERVAL_DAY_TIME), DataType.of(TypeKind.INTERVAL_YEAR_MONTH), DataType.of(TypeKind.NULL));
    private static final List<String> NAMES = IntStream.range(0, TYPES.size()).mapToObj(i -> "col" + i).toList();

    private static final List<Object> FULL = row(true, -128L, 32767L, -2147483648L, Long.MAX_VALUE, 1.5, -0.1,
            new BigDecimal("-1234567.891"), new BigDecimal("9223372036854775807"), "abc", "hello",
            "a much longer string, with \"quotes\" and 'apostrophes'", LocalDate.of(1969, 7, 20),
            LocalTime.of(23, 59, 59, 999_000_000), LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000),
            Instant.parse("2024-02-29T12:34:56.789Z"), 90_061_001L, 14L, null);
    private static final List<Object> NULLS = Arrays.asList(new Object[TYPES.size()]);
    private static final List<Object> SMALL = row(false, 0L, 0L, 0L, 0L, 0.0, 0.0, new BigDecimal("0.001"),
            new BigDecimal("0"), "xyz", "", "", LocalDate.of(1970, 1, 1), LocalTime.MIDNIGHT,
            LocalDateTime.of(1900, 1, 1, 0, 0), Instant.EPOCH, 0L, 0L, null);

    private JdbcConnectionProvider connections;
    private ManagedTableStorage storage;

    @BeforeEach
    void setUp() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        connections = () -> DriverManager.getConnection(url);
        storage = new ManagedTableStorage(connections);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Operator openSink(ConnectorTable table, int subtask) throws Exception {
        Operator sink = table.createSink().create();
        sink.open(new FakeOperatorContext(subtask, 2, 1024, new MutableClock(0)));
        return sink;
    }

    private void insert(ConnectorTable table, List<List<Object>> rows) throws Exception {
        Operator sink = openSink(table, 0);
        CollectingOutput out = new CollectingOutput();
        sink.processChunk(0, Chunks.of(TYPES, rows), out);
        sink.endInput(0, out);
        sink.close();
        assertThat(out.chunks).isEmpty();
    }

    @Test
    void whenRowsAreInserted_thenAScanReturnsEveryTypeAndNullInInsertionOrder() throws Exception {
        storage.create("T_all", TYPES);
        ConnectorTable table = storage.table("T_all", NAMES, TYPES);

        insert(table, List.of(FULL, NULLS));
        insert(table, List.of(SMALL));

        assertThat(storage.rowCount("T_all")).isEqualTo(3);
        assertThat(table.isBounded()).isTrue();
        assertThat(Sources.readAll(table.createSource(), TYPES)).containsExactly(FULL, NULLS, SMALL);
    }

    @Test
    void whenScannedInParallel_thenSubtaskZeroReadsEverythingAndTheOthersEndAtOnce() throws Exception {
        List<DataType> types = List.of(DataType.BIGINT);
        storage.create("T_par", types);
        ConnectorTable table = storage.table("T_par", List.of("id"), types);
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 2500; i++) {
            rows.add(row(i));
        }
        Operator sink = table.createSink().create();
        sink.open(FakeOperatorContext.single());
        sink.processChunk(0, Chunks.of(types, rows), new CollectingOutput());
        sink.endInput(0, new CollectingOutput());
        sink.close();

        CollectingOutput first = Sources.readSubtask(table.createSource(), 0, 2, 1000, new MutableClock(0));
        CollectingOutput second = Sources.readSubtask(table.createSource(), 1, 2, 1000, new MutableClock(0));

        assertThat(first.chunks).extracting(c -> c.size()).containsExactly(1000, 1000, 500);
        assertThat(first.rows(types)).isEqualTo(rows);
        assertThat(second.chunks).isEmpty();
    }

    @Test
    void whenAnInsertFails_thenNoRowOfThatSubtaskRemains() throws Exception {
        storage.create("T_fail", TYPES);
        ConnectorTable table = storage.table("T_fail", NAMES, TYPES);
        Operator sink = openSink(table, 0);
        sink.processChunk(0, Chunks.of(TYPES, List.of(FULL, SMALL)), new CollectingOutput());
        List<Object> tooLong = new ArrayList<>(FULL);
        tooLong.set(10, "longer than five");

        assertThatThrownBy(() -> sink.processChunk(0, Chunks.of(TYPES, List.of(tooLong)), new CollectingOutput()))
                .isInstanceOf(WeirException.class)
                .hasMessageStartingWith("Cannot insert into managed table: ")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.EXECUTION);
        sink.close();

        assertThat(storage.rowCount("T_fail")).isZero();
    }

    @Test
    void whenSinkIsClosedWithoutEndOfInput_thenItsRowsAreRolledBack() throws Exception {
        storage.create("T_cancel", TYPES);
        ConnectorTable table = storage.table("T_cancel", NAMES, TYPES);
        Operator committed = openSink(table, 0);
        Operator cancelled = openSink(table, 1);
        committed.processChunk(0, Chunks.of(TYPES, List.of(FULL)), new CollectingOutput());
        cancelled.processChunk(0, Chunks.of(TYPES, List.of(SMALL, NULLS)), new CollectingOutput());

        committed.endInput(0, new CollectingOutput());
        committed.close();
        cancelled.close();

        assertThat(Sources.readAll(table.createSource(), TYPES)).containsExactly(FULL);
    }

    @Test
    void whenStorageIsDropped_thenItIsGoneAndCanBeCreatedAgain() {
        storage.create("T_drop", List.of(DataType.INTEGER));
        storage.drop("T_drop");
        storage.drop("T_drop");

        assertThatThrownBy(() -> storage.rowCount("T_drop")).isInstanceOf(WeirException.class);
        storage.create("T_drop", List.of(DataType.STRING));
        assertThat(storage.rowCount("T_drop")).isZero();
    }

    @Test
    void whenStorageExists_thenCreatingItAgainFails() {
        storage.create("T_twice", List.of(DataType.INTEGER));

        assertThatThrownBy(() -> storage.create("T_twice", List.of(DataType.INTEGER)))
                .hasMessageStartingWith("Cannot create managed storage 'T_twice'");
    }

    @Test
    void whenStorageNameHasUnsafeCharacters_thenNothingReachesSql() {
        String evil = "T_1\"; DROP ALL OBJECTS; --";

        assertThatThrownBy(() -> storage.create(evil, List.of(DataType.INTEGER)))
                .hasMessageContaining("only letters, digits and '_' are allowed");
        assertThatThrownBy(() -> storage.table("T 1", List.of("a"), List.of(DataType.INTEGER)))
                .hasMessageContaining("only letters, digits and '_' are allowed");
        assertThatThrownBy(() -> storage.drop(""))
                .hasMessageContaining("only letters, digits and '_' are allowed");
    }

    @Test
    void whenRowsAreNotInserts_thenTheSinkRefusesThem() throws Exception {
        storage.create("T_kind", TYPES);
        Operator sink = openSink(storage.table("T_kind", NAMES, TYPES), 0);

        assertThatThrownBy(() -> sink.processChunk(0,
                Chunks.of(TYPES, List.of(FULL), io.weir.executor.data.RowKind.UPDATE_BEFORE), new CollectingOutput()))
                .hasMessage("A managed table accepts only inserted rows, got a -U row");
        sink.close();
        assertThat(storage.rowCount("T_kind")).isZero();
    }
}
