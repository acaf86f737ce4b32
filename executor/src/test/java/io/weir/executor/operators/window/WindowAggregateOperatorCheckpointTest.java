package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.Chunks;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAggregateOperatorCheckpointTest {

    private static final DataType MILLIS = DataType.BIGINT;
    /** key, value, a double, a flag, window_start, window_end. */
    private static final List<DataType> INPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.DOUBLE,
            DataType.BOOLEAN, MILLIS, MILLIS);
    private static final int[] GROUP_KEYS = {4, 5, 0};
    /** One call of every accumulator kind, DISTINCT included, so each one's state crosses a restore. */
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.AVG, 2, -1, false, DataType.DOUBLE, DataType.DOUBLE),
            new AggregateCall(AggregateKind.MAX, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MIN, 2, -1, false, DataType.DOUBLE, DataType.DOUBLE),
            new AggregateCall(AggregateKind.MAX, 0, -1, false, DataType.STRING, DataType.STRING),
            new AggregateCall(AggregateKind.EVERY, 3, -1, false, DataType.BOOLEAN, DataType.BOOLEAN),
            new AggregateCall(AggregateKind.COUNT, 1, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.ANY_VALUE, 2, -1, false, DataType.DOUBLE, DataType.DOUBLE));
    private static final List<DataType> OUTPUT = List.of(MILLIS, MILLIS, DataType.STRING, DataType.BIGINT,
            DataType.BIGINT, DataType.DOUBLE, DataType.BIGINT, DataType.DOUBLE, DataType.STRING, DataType.BOOLEAN,
            DataType.BIGINT, DataType.DOUBLE);
    private static final int ROWS = 300;

    /** Row i: 7 keys, values with repeats and nulls, rowtime about i / 3 (out of order by a few ms). */
    private static List<Object> input(int i) {
        long time = i / 3 + (i * 7L) % 5;
        long start = time - Math.floorMod(time, 10);
        Long value = i % 11 == 0 ? null : (long) (i % 4);
        Double dbl = i % 13 == 0 ? null : (i % 9) * 0.5;
        return row("k" + i % 7, value, dbl, i % 17 != 0, start, start + 10);
    }

    /** Subtasks of the operator at one parallelism, fed as a hash exchange would feed them. */
    private static final class Subtasks {
        final List<OperatorTestHarness> harnesses = new ArrayList<>();

        Subtasks(TimeKind time, int parallelism, List<StateReader> restored) throws Exception {
            for (int s = 0; s < parallelism; s++) {
                OperatorTestHarness.Builder builder = OperatorTestHarness.forOperator(
                                new WindowAggregateOperator(GROUP_KEYS, 4, 5, INPUT, CALLS, time))
                        .input(INPUT).output(OUTPUT).processingTime(0).subtask(s, parallelism);
                if (restored != null) {
                    builder.restoredFrom(restored.get(s));
                }
                harnesses.add(builder.open());
            }
        }

        /** Rows {@code [from, to)}, each to the subtask owning its key, with a watermark every 12 rows. */
        void feed(int from, int to) throws Exception {
            for (int i = from; i < to; i++) {
                Chunk chunk = Chunks.of(INPUT, input(i));
                harnesses.get(SnapshotHarness.subtaskOf(chunk, 0, GROUP_KEYS, harnesses.size())).push(0, chunk);
                if (i % 12 == 11) {
                    for (OperatorTestHarness h : harnesses) {
                        h.watermark(i / 3 - 5);
                    }
                }
            }
        }

        List<OperatorStateData> snapshot() throws Exception {
            List<OperatorStateData> states = new ArrayList<>();
            for (OperatorTestHarness h : harnesses) {
                states.add(h.snapshot(1));
            }
            return states;
        }

        List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            harnesses.forEach(h -> rows.addAll(h.rows()));
            return rows;
        }

        List<List<Object>> finish() throws Exception {
            List<List<Object>> rows = new ArrayList<>();
            for (OperatorTestHarness h : harnesses) {
                rows.addAll(h.finish());
            }
            return rows;
        }
    }

    private static List<List<Object>> uninterrupted() throws Exception {
        Subtasks run = new Subtasks(TimeKind.EVENT, 1, null);
        run.feed(0, ROWS);
        return run.finish();
    }

    /** Rows before the snapshot at {@code before} subtasks, the rest after restoring at {@code after}. */
    private static List<List<Object>> restored(int split, int before, int after) throws Exception {
        Subtasks first = new Subtasks(TimeKind.EVENT, before, null);
        first.feed(0, split);
        List<List<Object>> rows = first.rows();
        List<OperatorStateData> states = first.snapshot();
        Subtasks second = new Subtasks(TimeKind.EVENT, after, SnapshotHarness.restore(states, after));
        second.feed(split, ROWS);
        rows.addAll(second.finish());
        return rows;
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenTheResultEqualsAnUninterruptedRun() throws Exception {
        List<List<Object>> expected = uninterrupted();
        assertThat(expected).hasSizeGreaterThan(50);
        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}, {3, 2}}) {
            for (int split : new int[] {0, 100, 211}) {
                assertThat(restored(split, p[0], p[1])).as("p%d -> p%d after %d rows", p[0], p[1], split)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void whenTheOperatorMovesOnAfterASnapshot_thenTheSnapshotStillHoldsTheStateAtTheBarrier() throws Exception {
        Subtasks first = new Subtasks(TimeKind.EVENT, 1, null);
        first.feed(0, 150);
        List<List<Object>> rows = first.rows();
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(first.harnesses.get(0).operator(), 1,
                () -> first.feed(150, 250));

        Subtasks second = new Subtasks(TimeKind.EVENT, 1, SnapshotHarness.restore(List.of(state), 1));
        second.feed(150, ROWS);
        rows.addAll(second.finish());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(uninterrupted());
    }

    @Test
    void whenRestored_thenARowOfAWindowThatFiredBeforeTheFailureIsLateAndDropped() throws Exception {
        Subtasks first = new Subtasks(TimeKind.EVENT, 1, null);
        first.harnesses.get(0).push(0, row("a", 1L, 1.0, true, 0L, 10L), row("a", 2L, 1.0, true, 10L, 20L))
                .watermark(9);
        assertThat(first.rows()).hasSize(1);

        Subtasks second = new Subtasks(TimeKind.EVENT, 2, SnapshotHarness.restore(first.snapshot(), 2));
        Chunk late = Chunks.of(INPUT, row("a", 5L, 1.0, true, 0L, 10L));
        OperatorTestHarness owner = second.harnesses.get(SnapshotHarness.subtaskOf(late, 0, GROUP_KEYS, 2));
        owner.push(0, late);

        List<List<Object>> rows = second.finish();
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(10L);
        assertThat(owner.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }

    @Test
    void whenProcessingTimeWindowsAreRestored_thenTheirTimersAreRegisteredAgain() throws Exception {
        Subtasks first = new Subtasks(TimeKind.PROCESSING, 1, null);
        first.harnesses.get(0).push(0, row("a", 1L, 1.0, true, 0L, 100L), row("b", 2L, 2.0, false, 0L, 100L));
        List<OperatorStateData> states = first.snapshot();

        Subtasks second = new Subtasks(TimeKind.PROCESSING, 3, SnapshotHarness.restore(states, 3));
        second.harnesses.get(0).push(0, Chunks.of(INPUT, List.<List<?>>of()));
        for (OperatorTestHarness h : second.harnesses) {
            h.processingTime(100);
        }

        assertThat(second.rows()).extracting(r -> r.get(2)).containsExactlyInAnyOrder("a", "b");
    }
}
