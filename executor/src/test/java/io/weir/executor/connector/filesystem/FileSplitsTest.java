package io.weir.executor.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.testing.FakeOperatorContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file a subtask reads is a split of its own, so event time can be tracked per file. */
class FileSplitsTest {

    private static final List<String> NAMES = List.of("id");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    @TempDir
    Path dir;
    private FsFixture fs;

    @BeforeEach
    void setUp() throws Exception {
        dir = dir.toRealPath();
        fs = new FsFixture(dir);
    }

    private void write(String name, int from, int to) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(i).append('\n');
        }
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void whenSubtaskReadsSeveralFiles_thenEachFileIsASplitAndNoChunkMixesFiles() throws Exception {
        write("a.csv", 0, 5);
        write("b.csv", 100, 103);
        write("c.csv", 200, 207);
        SourceFactory source = fs.table(dir.toString(), "csv", NAMES, TYPES).createSource();

        CollectingOutput out = Sources.readSubtask(source, 0, 1, 4, new MutableClock(0));

        assertThat(out.splits).containsExactly(0, 0, 1, 2, 2);
        for (int i = 0; i < out.chunks.size(); i++) {
            Chunk chunk = out.chunks.get(i);
            int file = (int) ((Long) chunk.column(0).getObject(0) / 100);
            assertThat(file).isEqualTo(out.splits.get(i));
            assertThat((Long) chunk.column(0).getObject(chunk.size() - 1) / 100).isEqualTo((long) file);
        }
        assertThat(out.rowCount()).isEqualTo(15);
    }

    @Test
    void whenFilesAreDividedAmongSubtasks_thenSplitCountIsTheSubtasksShare() throws Exception {
        write("a.csv", 0, 1);
        write("b.csv", 1, 2);
        write("c.csv", 2, 3);
        SourceFactory source = fs.table(dir.toString(), "csv", NAMES, TYPES).createSource();
        int[] counts = new int[4];
        for (int subtask = 0; subtask < 4; subtask++) {
            SourceReader reader = source.createReader(subtask, 4);
            reader.open(new FakeOperatorContext(subtask, 4, 16));
            counts[subtask] = reader.splitCount();
            if (counts[subtask] == 0) {
                assertThat(reader.pollNext(new CollectingOutput())).isEqualTo(InputStatus.END_OF_INPUT);
            }
            reader.close();
        }

        assertThat(counts).containsExactly(1, 1, 1, 0);
    }

    @Test
    void whenAFileIsEmpty_thenItsSplitEmitsNothingAndTheNextFileFollows() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "");
        write("b.csv", 100, 102);
        SourceFactory source = fs.table(dir.toString(), "csv", NAMES, TYPES).createSource();

        CollectingOutput out = Sources.readSubtask(source, 0, 1, 16, new MutableClock(0));

        assertThat(out.splits).containsExactly(1);
        assertThat(out.rowCount()).isEqualTo(2);
    }
}
