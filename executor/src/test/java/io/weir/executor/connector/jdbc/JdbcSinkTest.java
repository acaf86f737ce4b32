package io.weir.executor.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.checkpoint.RestoredOperatorState;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Watermark;
import io.weir.executor.testing.FakeOperatorContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The jdbc sink's commit protocol against real databases: rows become visible when their checkpoint completes,
 * exactly once across failures (before the commit, after it, at another parallelism), with aborted checkpoints'
 * rows going with the next one; and without checkpoints at end of input.
 */
class JdbcSinkTest {

    private static final List<String> NAMES = List.of("id", "name");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING);
    private static final Output DISCARD = new Output() {
        @Override
        public void emit(Chunk chunk) {
        }

        @Override
        public void emitWatermark(Watermark watermark) {
        }
    };

    private String url;
    private final List<Operator> opened = new ArrayList<>();

    private void setUp(TestDatabase database, String table, String ddlColumns) throws Exception {
        url = database.newUrl();
        TestDatabase.execute(url, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (" + ddlColumns + ")");
        TestDatabase.clearMarkers(url, "test-job");
    }

    private void setUpPlain(TestDatabase database) throws Exception {
        setUp(database, "sink_rows", "\"id\" BIGINT, \"name\" VARCHAR(100)");
    }

    static ConnectorTable table(String url, String tableName, List<String> primaryKey, String... options) {
        Map<String, String> map = new HashMap<>();
        map.put("connector", "jdbc");
        map.put("url", url);
        map.put("table-name", tableName);
        map.put("username", TestDatabase.USER);
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        ConnectorEnvironment environment = new ConnectorEnvironment(Path.of("data"), List.of(), new MutableClock(0), null)
                .withJdbcAllowedUrls(List.of("jdbc:postgresql://127.0.0.1", "jdbc:h2:mem:"));
        return new JdbcConnectorFactory().create(new TableSpec("out", NAMES, TYPES, primaryKey, map, environment));
    }

    private Operator sink(int subtask, int parallelism, List<String> primaryKey) throws Exception {
        return sink(new FakeOperatorContext(subtask, parallelism, 1024), primaryKey, "0", "0");
    }

    private Operator sink(FakeOperatorContext context, List<String> primaryKey, String flushRows, String flushInterval)
            throws Exception {
        Operator sink = table(url, tableName(primaryKey), primaryKey, "sink.buffer-flush.max-rows", flushRows,
                "sink.buffer-flush.interval", flushInterval).createSink().create();
        sink.open(context);
        opened.add(sink);
        return sink;
    }

    private static String tableName(List<String> primaryKey) {
        return primaryKey.isEmpty() ? "sink_rows" : "sink_keyed";
    }

    private Operator sink() throws Exception {
        return sink(0, 1, List.of());
    }

    private static void write(Operator sink, long... ids) throws Exception {
        write(sink, RowKind.INSERT, ids);
    }

    private static void write(Operator sink, RowKind kind, long... ids) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(List.of(id, "row " + id));
        }
        sink.processChunk(0, Chunks.of(TYPES, rows, kind), DISCARD);
    }

    private static OperatorStateData snapshot(Operator sink, long checkpointId) throws Exception {
        StateSnapshot snapshot = sink.snapshotState(checkpointId);
        OperatorStateData data = new OperatorStateData();
        snapshot.writeTo(data);
        return data;
    }

    /** A failure: the old instance goes away without a word, a fresh one restores the checkpoint's state. */
    private Operator restore(List<OperatorStateData> state, int subtask, int parallelism) throws Exception {
        for (Operator old : opened) {
            old.close();
        }
        opened.clear();
        Operator fresh = sink(subtask, parallelism, List.of());
        fresh.restoreState(RestoredOperatorState.forSubtask(state, subtask, parallelism));
        return fresh;
    }

    private List<Long> ids() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (List<Object> row : TestDatabase.query(url, "SELECT \"id\" FROM sink_rows ORDER BY \"id\"")) {
            ids.add(((Number) row.get(0)).longValue());
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenCheckpointCompletes_thenItsRowsBecomeVisibleTogether(TestDatabase database) throws Exception {
        setUpPlain(database);
        Operator sink = sink();
        write(sink, 1, 2);
        snapshot(sink, 1);
        write(sink, 3);
        assertThat(ids()).isEmpty();

        sink.notifyCheckpointComplete(1);
        assertThat(ids()).containsExactly(1L, 2L);

        snapshot(sink, 2);
        sink.notifyCheckpointComplete(2);
        assertThat(ids()).containsExactly(1L, 2L, 3L);
        sink.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenJobFailsBeforeCheckpointCompletes_thenRestoreCommitsItsRowsOnce(TestDatabase database) throws Exception {
        setUpPlain(database);
        Operator sink = sink();
        write(sink, 1, 2);
        OperatorStateData state = snapshot(sink, 1);
        write(sink, 3); // after the barrier: replayed by the sources, not the sink's to keep

        Operator restored = restore(List.of(state), 0, 1);
        assertThat(ids()).containsExactly(1L, 2L);

        write(restored, 3);
        snapshot(restored, 2);
        restored.notifyCheckpointComplete(2);
        assertThat(ids()).containsExactly(1L, 2L, 3L);
        restored.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenJobFailsAfterCommitBeforeNextCheckpoint_thenRestoreWritesNoDuplicate(TestDatabase database)
            throws Exception {
        setUpPlain(database);
        Operator sink = sink();
        write(sink, 1, 2);
        OperatorStateData state = snapshot(sink, 1);
        sink.notifyCheckpointComplete(1);

        Operator restored = restore(List.of(state), 0, 1);
        restored.notifyCheckpointComplete(1); // a late notification of the restored checkpoint changes nothing
        assertThat(ids()).containsExactly(1L, 2L);
        restored.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenCheckpointIsAborted_thenItsRowsGoWithTheNextCompletedOne(TestDatabase database) throws Exception {
        setUpPlain(database);
        Operator sink = sink();
        write(sink, 1);
        snapshot(sink, 1);
        sink.notifyCheckpointAborted(1);
        write(sink, 2);
        OperatorStateData state = snapshot(sink, 2);
        assertThat(ids()).isEmpty();

        sink.notifyCheckpointComplete(2);
        assertThat(ids()).containsExactly(1L, 2L);

        // The state of checkpoint 2 held both batches: a restore from it writes neither again.
        restore(List.of(state), 0, 1).close();
        assertThat(ids()).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenRestoredAtLowerParallelism_thenEveryOldSubtasksRowsAreCommittedOnce(TestDatabase database)
            throws Exception {
        setUpPlain(database);
        Operator first = sink(0, 2, List.of());
        Operator second = sink(1, 2, List.of());
        write(first, 1);
        write(second, 2);
        OperatorStateData firstState = snapshot(first, 1);
        OperatorStateData secondState = snapshot(second, 1);
        first.notifyCheckpointComplete(1); // the second subtask fails before its notification
        assertThat(ids()).containsExactly(1L);

        Operator restored = restore(List.of(firstState, secondState), 0, 1);
        assertThat(ids()).containsExactly(1L, 2L);

        write(restored, 3);
        OperatorStateData next = snapshot(restored, 2);
        restored.notifyCheckpointComplete(2);
        assertThat(ids()).containsExactly(1L, 2L, 3L);

        // Back to two subtasks: each restores its share once, nothing is written twice.
        Operator again = restore(List.of(next), 0, 2);
        Operator other = sink(1, 2, List.of());
        other.restoreState(RestoredOperatorState.forSubtask(List.of(next), 1, 2));
        assertThat(ids()).containsExactly(1L, 2L, 3L);
        again.close();
        other.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenNoCheckpointIsTaken_thenRowsAreCommittedAtEndOfInput(TestDatabase database) throws Exception {
        setUpPlain(database);
        Operator sink = sink();
        write(sink, 1, 2);
        write(sink, 3);
        assertThat(ids()).isEmpty();
        sink.endInput(0, DISCARD);
        assertThat(ids()).containsExactly(1L, 2L, 3L);
        sink.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenJobIsCancelledBeforeEndOfInput_thenNothingIsWritten(TestDatabase database) throws Exception {
        setUpPlain(database);
        Operator sink = sink();
        write(sink, 1, 2);
        sink.close();
        assertThat(ids()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenTableHasPrimaryKey_thenInsertsUpdatesAndDeletesAreUpserts(TestDatabase database) throws Exception {
        setUp(database, "sink_keyed", "\"id\" BIGINT PRIMARY KEY, \"name\" VARCHAR(100)");
        TestDatabase.execute(url, "INSERT INTO sink_keyed VALUES (9, 'old')");
        Operator sink = sink(0, 1, List.of("id"));
        write(sink, 1, 2, 9);
        sink.processChunk(0, Chunks.of(TYPES, List.of(List.of(1L, "row 1")), RowKind.UPDATE_BEFORE), DISCARD);
        sink.processChunk(0, Chunks.of(TYPES, List.of(List.of(1L, "one")), RowKind.UPDATE_AFTER), DISCARD);
        write(sink, RowKind.DELETE, 2);
        write(sink, 2); // inserted again after its delete: order within a batch is kept
        write(sink, RowKind.DELETE, 9);
        snapshot(sink, 1);
        sink.notifyCheckpointComplete(1);

        assertThat(TestDatabase.query(url, "SELECT \"id\", \"name\" FROM sink_keyed ORDER BY \"id\""))
                .extracting(row -> ((Number) row.get(0)).longValue() + "=" + row.get(1))
                .containsExactly("1=one", "2=row 2");
        sink.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenAppendOnlyTableReceivesADelete_thenTheErrorSaysToDeclareAPrimaryKey(TestDatabase database)
            throws Exception {
        setUpPlain(database);
        Operator sink = sink();
        write(sink, RowKind.DELETE, 1);
        assertThatThrownBy(() -> sink.endInput(0, DISCARD))
                .hasMessageContaining("has no PRIMARY KEY")
                .hasMessageContaining("-D");
        sink.close();
        assertThat(ids()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenNoCheckpointHasBeenSeen_thenRowsAreFlushedByCountAndByTime(TestDatabase database) throws Exception {
        setUpPlain(database);
        MutableClock clock = new MutableClock(0);
        FakeOperatorContext context = new FakeOperatorContext(0, 1, 1024, clock);
        Operator sink = sink(context, List.of(), "3", "1 s");
        write(sink, 1, 2);
        assertThat(ids()).isEmpty();
        write(sink, 3);
        assertThat(ids()).containsExactly(1L, 2L, 3L);

        write(sink, 4);
        clock.advance(1_000);
        for (long due : context.takeTimersDueAt(clock.millis())) {
            sink.onProcessingTime(due, DISCARD);
        }
        assertThat(ids()).containsExactly(1L, 2L, 3L, 4L);
        sink.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whenACheckpointHasBeenSeen_thenRowsWaitForItsCompletionWhateverTheFlushSettings(TestDatabase database)
            throws Exception {
        setUpPlain(database);
        MutableClock clock = new MutableClock(0);
        FakeOperatorContext context = new FakeOperatorContext(0, 1, 1024, clock);
        Operator sink = sink(context, List.of(), "2", "1 s");
        snapshot(sink, 1);
        write(sink, 1, 2, 3);
        clock.advance(1_000);
        for (long due : context.takeTimersDueAt(clock.millis())) {
            sink.onProcessingTime(due, DISCARD);
        }
        assertThat(ids()).isEmpty();

        snapshot(sink, 2);
        sink.notifyCheckpointComplete(2);
        assertThat(ids()).containsExactly(1L, 2L, 3L);
        sink.close();
    }
}
