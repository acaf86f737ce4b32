package io.weir.executor.connector.nexmark;

import static io.weir.executor.connector.nexmark.NexmarkFixture.BID_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.bids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.testing.FakeOperatorContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A nexmark table's readers checkpointed part way and restored at the same or another parallelism read the rest of
 * the events exactly once: the rows before the checkpoint and after the restore together are the table.
 */
class NexmarkCheckpointTest {

    private static final String EVENTS = "20000";

    @ParameterizedTest
    @CsvSource({"1, 1, 3", "2, 2, 5", "2, 1, 7", "2, 3, 2", "3, 2, 11", "1, 4, 1"})
    void whenReadersRestoreAtAnyParallelism_thenEveryRowComesOnce(int before, int after, int polls) throws Exception {
        SourceFactory source = bids("events.num", EVENTS).createSource();
        assertThat(readPartThenRest(source, before, after, polls)).isEqualTo(sorted(readAll(source)));
    }

    @ParameterizedTest
    @CsvSource({"1, 3", "2, 4", "3, 1"})
    void whenAShuffledTableRestoresAtItsParallelism_thenEveryRowComesOnce(int parallelism, int polls)
            throws Exception {
        SourceFactory source = bids("events.num", EVENTS, "out-of-order.group-size", "700").createSource();
        assertThat(readPartThenRest(source, parallelism, parallelism, polls)).isEqualTo(sorted(readAll(source)));
    }

    @ParameterizedTest
    @CsvSource({"2, 1"})
    void whenAShuffledTableRestoresAtAnotherParallelism_thenTheRestoreFailsClearly(int before, int after)
            throws Exception {
        SourceFactory source = bids("events.num", EVENTS, "out-of-order.group-size", "700").createSource();
        assertThatThrownBy(() -> readPartThenRest(source, before, after, 1))
                .hasMessageContaining("restores only at the parallelism it was checkpointed at (2)");
    }

    private static List<String> readPartThenRest(SourceFactory source, int before, int after, int polls)
            throws Exception {
        List<String> rows = new ArrayList<>();
        Map<String, byte[]> positions = new HashMap<>();
        for (int s = 0; s < before; s++) {
            SourceReader reader = source.createReader(s, before);
            reader.open(new FakeOperatorContext(s, before, 128));
            CollectingOutput out = new CollectingOutput();
            for (int i = 0; i < polls + s; i++) {
                reader.pollNext(out);
            }
            positions.putAll(reader.snapshotPositions());
            // Rows read after the snapshot are lost with the failure.
            reader.pollNext(new CollectingOutput());
            rows.addAll(strings(out));
        }
        for (int s = 0; s < after; s++) {
            SourceReader reader = source.createReader(s, after);
            reader.restorePositions(positions);
            reader.open(new FakeOperatorContext(s, after, 128));
            rows.addAll(strings(drain(reader)));
        }
        return sorted(rows);
    }

    private static List<String> readAll(SourceFactory source) throws Exception {
        SourceReader reader = source.createReader(0, 1);
        reader.open(new FakeOperatorContext(0, 1, 4096));
        return strings(drain(reader));
    }

    private static CollectingOutput drain(SourceReader reader) throws Exception {
        CollectingOutput out = new CollectingOutput();
        while (reader.pollNext(out) != InputStatus.END_OF_INPUT) {
            // read to the end
        }
        return out;
    }

    private static List<String> strings(CollectingOutput out) {
        return out.rows(BID_TYPES).stream().map(Object::toString).toList();
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }
}
