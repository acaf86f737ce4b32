package io.weir.executor.connector.datagen;

import static io.weir.executor.connector.datagen.DataGenFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.DataType;
import io.weir.executor.testing.FakeOperatorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DataGenCheckpointTest {

    private static final String FAST = "1000000000";
    private static final int CHUNK = 7;
    /** id (a sequence), then random columns of several types, some null. */
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.BIGINT, DataType.STRING,
            DataType.DOUBLE, DataType.BOOLEAN);
    private static final List<String> NAMES = List.of("id", "n", "s", "d", "b");

    private static SourceFactory bounded() {
        return table(NAMES, TYPES, "rows-per-second", FAST, "fields.id.kind", "sequence", "fields.id.start", "1",
                "fields.id.end", "1000", "fields.n.null-rate", "0.2", "fields.s.length", "6").createSource();
    }

    private static SourceFactory unbounded() {
        return table(NAMES.subList(1, 5), TYPES.subList(1, 5), "rows-per-second", FAST).createSource();
    }

    /** The readers of one run at one parallelism, restored from {@code positions} when not null. */
    private static final class Run {
        final List<SourceReader> readers = new ArrayList<>();
        final List<CollectingOutput> outputs = new ArrayList<>();
        final List<MutableClock> clocks = new ArrayList<>();
        final List<DataType> types;

        Run(SourceFactory source, List<DataType> types, int parallelism, Map<String, byte[]> positions)
                throws Exception {
            this.types = types;
            for (int s = 0; s < parallelism; s++) {
                SourceReader reader = source.createReader(s, parallelism);
                if (positions != null) {
                    reader.restorePositions(positions);
                }
                MutableClock clock = new MutableClock(0);
                reader.open(new FakeOperatorContext(s, parallelism, CHUNK, clock));
                clocks.add(clock);
                readers.add(reader);
                outputs.add(new CollectingOutput());
            }
        }

        /**
         * Lets each reader emit up to {@code chunks} chunks (subtask {@code s} three more than subtask {@code s - 1}),
         * advancing its clock whenever the rate limit makes it wait.
         */
        Run poll(int chunks) throws Exception {
            for (int s = 0; s < readers.size(); s++) {
                for (int i = 0; i < chunks + 3 * s; ) {
                    InputStatus status = readers.get(s).pollNext(outputs.get(s));
                    if (status == InputStatus.END_OF_INPUT) {
                        break;
                    }
                    if (status == InputStatus.NOTHING_AVAILABLE) {
                        clocks.get(s).advance(1_000);
                    } else {
                        i++;
                    }
                }
            }
            return this;
        }

        /** What a checkpoint holds: the positions of every reader's splits. */
        Map<String, byte[]> positions() {
            Map<String, byte[]> positions = new HashMap<>();
            readers.forEach(r -> positions.putAll(r.snapshotPositions()));
            return positions;
        }

        List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            outputs.forEach(o -> rows.addAll(o.rows(types)));
            return rows;
        }

        List<List<Object>> rows(int subtask) {
            return outputs.get(subtask).rows(types);
        }
    }

    private static List<List<Object>> uninterrupted() throws Exception {
        return Sources.readAll(bounded(), TYPES, 1, CHUNK);
    }

    /** Runs at each parallelism in turn, each restored from the last one's checkpoint after {@code polls} polls. */
    private static List<List<Object>> restoredAcross(int polls, int... parallelisms) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, byte[]> positions = null;
        for (int p : parallelisms) {
            Run run = new Run(bounded(), TYPES, p, positions).poll(polls);
            positions = run.positions();
            rows.addAll(run.rows());
        }
        rows.addAll(new Run(bounded(), TYPES, 1, positions).poll(Integer.MAX_VALUE / 2).rows());
        return rows;
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenEverySequenceValueComesOnceWithTheSameRandomValues()
            throws Exception {
        List<List<Object>> expected = uninterrupted();
        assertThat(expected).extracting(r -> r.get(0))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
        for (int[] p : new int[][] {{1}, {2}, {3}, {1, 3}, {3, 2}, {3, 2, 4}, {2, 5, 1}}) {
            for (int polls : new int[] {0, 5, 20}) {
                assertThat(restoredAcross(polls, p)).as("parallelisms %s after %d polls each",
                        Arrays.toString(p), polls).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void whenAFinishedTableIsRestored_thenItEmitsNothingAgainEvenAfterASecondRestore() throws Exception {
        Run first = new Run(bounded(), TYPES, 2, null).poll(Integer.MAX_VALUE / 2);
        assertThat(first.rows()).hasSize(1000);

        Run second = new Run(bounded(), TYPES, 3, first.positions()).poll(10);
        Run third = new Run(bounded(), TYPES, 2, second.positions()).poll(10);

        assertThat(second.rows()).isEmpty();
        assertThat(third.rows()).isEmpty();
        assertThat(third.readers.get(0).pollNext(new CollectingOutput())).isEqualTo(InputStatus.END_OF_INPUT);
    }

    @Test
    void whenSplitsAreSnapshotted_thenTheirIdsNameRowRangesNotSubtasks() throws Exception {
        Map<String, byte[]> atTwo = new Run(bounded(), TYPES, 2, null).poll(1).positions();
        Map<String, byte[]> restoredAtOne = new Run(bounded(), TYPES, 1, atTwo).positions();

        assertThat(atTwo).containsOnlyKeys("datagen-rows-0-500", "datagen-rows-500-1000");
        assertThat(restoredAtOne).containsOnlyKeys("datagen-rows-7-500", "datagen-rows-528-1000");
    }

    @Test
    void whenAnUnboundedTableIsRestored_thenRandomRowsContinueExactlyWhereTheyStopped() throws Exception {
        List<DataType> types = TYPES.subList(1, 5);
        Run uninterrupted = new Run(unbounded(), types, 1, null).poll(40);
        Run first = new Run(unbounded(), types, 1, null).poll(10);
        Run second = new Run(unbounded(), types, 1, first.positions()).poll(20);

        List<List<Object>> rows = first.rows();
        rows.addAll(second.rows());
        assertThat(rows).hasSizeGreaterThan(25 * CHUNK);
        assertThat(uninterrupted.rows()).startsWith(rows.toArray(List[]::new));
        assertThat(second.readers.get(0).pollNext(new CollectingOutput())).isEqualTo(InputStatus.MORE_AVAILABLE);
    }

    @Test
    void whenAnUnboundedTableIsRestoredAtAnotherParallelism_thenNoRowRepeats() throws Exception {
        List<DataType> types = TYPES.subList(1, 5);
        Run first = new Run(unbounded(), types, 2, null).poll(10);
        Run second = new Run(unbounded(), types, 3, first.positions()).poll(10);

        List<List<Object>> rows = first.rows();
        rows.addAll(second.rows());
        assertThat(second.rows()).hasSize(3 * 10 * CHUNK + 3 * 3 * CHUNK);
        assertThat(rows).doesNotHaveDuplicates();
    }
}
