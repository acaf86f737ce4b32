package io.weir.executor.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.checkpoint.RestoredOperatorState;
import io.weir.executor.connector.Chunks;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.data.DataType;
import io.weir.executor.testing.FakeOperatorContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem sink with checkpoints: part files become visible when their checkpoint completes, exactly once
 * across failures (before the commit, after it, at another parallelism), and readers never see in-progress files.
 */
class FileSystemSinkCheckpointTest {

    private static final List<String> NAMES = List.of("id");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    @TempDir
    Path temp;
    private FsFixture fs;
    private Path dir;
    private OperatorFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        Path root = temp.toRealPath();
        fs = new FsFixture(root);
        dir = root.resolve("out");
        factory = fs.table(dir.toString(), "csv", NAMES, TYPES).createSink();
    }

    private Operator open(int subtask, int parallelism) throws Exception {
        Operator sink = factory.create();
        sink.open(new FakeOperatorContext(subtask, parallelism, 1024, new MutableClock(0)));
        return sink;
    }

    private static void write(Operator sink, long... ids) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(List.of(id));
        }
        sink.processChunk(0, Chunks.of(TYPES, rows), new CollectingOutput());
    }

    private static OperatorStateData snapshot(Operator sink, long checkpointId) throws Exception {
        OperatorStateData data = new OperatorStateData();
        sink.snapshotState(checkpointId).writeTo(data);
        return data;
    }

    private Operator restore(List<OperatorStateData> state, int subtask, int parallelism) throws Exception {
        Operator sink = open(subtask, parallelism);
        sink.restoreState(RestoredOperatorState.forSubtask(state, subtask, parallelism));
        return sink;
    }

    private List<Long> visibleIds() throws Exception {
        return fs.read(dir.toString(), "csv", NAMES, TYPES).stream().map(row -> (Long) row.get(0)).sorted().toList();
    }

    private List<String> hiddenFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void whenCheckpointCompletes_thenItsPartFileBecomesVisible() throws Exception {
        Operator sink = open(0, 1);
        write(sink, 1, 2);
        snapshot(sink, 1);
        write(sink, 3);
        assertThat(visibleIds()).isEmpty();

        sink.notifyCheckpointComplete(1);
        assertThat(visibleIds()).containsExactly(1L, 2L);
        assertThat(hiddenFiles()).hasSize(1); // the file of row 3, still in progress

        snapshot(sink, 2);
        sink.notifyCheckpointComplete(2);
        assertThat(visibleIds()).containsExactly(1L, 2L, 3L);
        assertThat(hiddenFiles()).isEmpty();
        sink.close();
    }

    @Test
    void whenCheckpointIsAborted_thenItsFileGoesWithTheNextCompletedOne() throws Exception {
        Operator sink = open(0, 1);
        write(sink, 1);
        snapshot(sink, 1);
        sink.notifyCheckpointAborted(1);
        write(sink, 2);
        snapshot(sink, 2);
        assertThat(visibleIds()).isEmpty();

        sink.notifyCheckpointComplete(2);
        assertThat(visibleIds()).containsExactly(1L, 2L);
        sink.close();
    }

    @Test
    void whenJobFailsBeforeCheckpointCompletes_thenRestoreCommitsItsFileAndDropsLaterRows() throws Exception {
        Operator sink = open(0, 1);
        write(sink, 1, 2);
        OperatorStateData state = snapshot(sink, 1);
        write(sink, 3); // after the barrier: the sources replay it
        // A crash: the process dies without close(), leaving both hidden files behind.

        Operator restored = restore(List.of(state), 0, 1);
        assertThat(visibleIds()).containsExactly(1L, 2L);
        assertThat(hiddenFiles()).isEmpty();

        write(restored, 3);
        snapshot(restored, 2);
        restored.notifyCheckpointComplete(2);
        assertThat(visibleIds()).containsExactly(1L, 2L, 3L);
        restored.close();
        sink.close();
    }

    @Test
    void whenJobFailsAfterCommit_thenRestoreWritesNoDuplicate() throws Exception {
        Operator sink = open(0, 1);
        write(sink, 1, 2);
        OperatorStateData state = snapshot(sink, 1);
        sink.notifyCheckpointComplete(1);
        sink.close();

        Operator restored = restore(List.of(state), 0, 1);
        restored.notifyCheckpointComplete(1);
        assertThat(visibleIds()).containsExactly(1L, 2L);
        restored.close();
    }

    @Test
    void whenRestoredAtLowerParallelism_thenEveryOldSubtasksFilesAreCommittedOnce() throws Exception {
        Operator first = open(0, 2);
        Operator second = open(1, 2);
        write(first, 1);
        write(second, 2);
        OperatorStateData firstState = snapshot(first, 1);
        OperatorStateData secondState = snapshot(second, 1);
        write(second, 99); // after the barrier, never committed
        first.notifyCheckpointComplete(1);

        Operator restored = restore(List.of(firstState, secondState), 0, 1);
        assertThat(visibleIds()).containsExactly(1L, 2L);
        assertThat(hiddenFiles()).isEmpty();
        restored.close();
        first.close();
        second.close();
    }

    @Test
    void whenNoCheckpointIsTaken_thenTheFileIsVisibleAtEndOfInputOnly() throws Exception {
        Operator sink = open(0, 1);
        write(sink, 1);
        write(sink, 2);
        assertThat(visibleIds()).isEmpty();
        sink.endInput(0, new CollectingOutput());
        sink.close();
        assertThat(visibleIds()).containsExactly(1L, 2L);
    }

    @Test
    void whenCheckpointedJobEnds_thenPendingAndOpenFilesAreAllVisible() throws Exception {
        Operator sink = open(0, 1);
        write(sink, 1);
        snapshot(sink, 1);
        write(sink, 2);
        sink.endInput(0, new CollectingOutput());
        sink.close();
        assertThat(visibleIds()).containsExactly(1L, 2L);
        assertThat(hiddenFiles()).isEmpty();
    }
}
