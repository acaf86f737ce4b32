package io.weir.executor.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.data.DataType;
import io.weir.executor.testing.FakeOperatorContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceCheckpointTest {

    private static final List<String> NAMES = List.of("id");
    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    @TempDir
    Path dir;
    private SourceFactory source;
    private final List<Object> expected = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        dir = dir.toRealPath();
        for (int f = 0; f < 5; f++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 3 + f * 4; i++) {
                text.append(f * 100 + i).append('\n');
                expected.add((long) (f * 100 + i));
            }
            Files.writeString(dir.resolve("f" + f + ".csv"), text);
        }
        source = new FsFixture(dir).table(dir.toString(), "csv", NAMES, TYPES).createSource();
    }

    private static List<Object> ids(CollectingOutput out) {
        List<Object> ids = new ArrayList<>();
        out.rows(TYPES).forEach(row -> ids.add(row.get(0)));
        return ids;
    }

    /** Reads {@code polls} polls of each of {@code before} subtasks, snapshots, then the rest at {@code after}. */
    private List<Object> readAcrossARestore(int before, int after, int polls) throws Exception {
        List<Object> read = new ArrayList<>();
        Map<String, byte[]> positions = new HashMap<>();
        for (int s = 0; s < before; s++) {
            try (SourceReader reader = source.createReader(s, before)) {
                reader.open(new FakeOperatorContext(s, before, 3));
                CollectingOutput out = new CollectingOutput();
                for (int i = 0; i < polls; i++) {
                    reader.pollNext(out);
                }
                read.addAll(ids(out));
                positions.putAll(reader.snapshotPositions());
                // Read after the snapshot, then lost with the failure.
                reader.pollNext(new CollectingOutput());
            }
        }
        for (int s = 0; s < after; s++) {
            try (SourceReader reader = source.createReader(s, after)) {
                reader.restorePositions(positions);
                reader.open(new FakeOperatorContext(s, after, 3));
                CollectingOutput out = new CollectingOutput();
                while (reader.pollNext(out) != InputStatus.END_OF_INPUT) {
                    // read to the end
                }
                read.addAll(ids(out));
            }
        }
        return read;
    }

    @Test
    void whenRestoredAtAnyParallelism_thenEveryRowIsReadOnce() throws Exception {
        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}}) {
            for (int polls : new int[] {0, 1, 4, 7}) {
                assertThat(readAcrossARestore(p[0], p[1], polls)).as("p%d -> p%d after %d polls", p[0], p[1], polls)
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }
}
