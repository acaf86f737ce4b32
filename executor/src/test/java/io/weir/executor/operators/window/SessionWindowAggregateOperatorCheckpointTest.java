package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionWindowAggregateOperatorCheckpointTest {

    private static final DataType MILLIS = DataType.BIGINT;
    /** key, rowtime, value, a double, a flag. */
    private static final List<DataType> INPUT = List.of(DataType.STRING, MILLIS, DataType.BIGINT, DataType.DOUBLE,
            DataType.BOOLEAN);
    private static final int[] KEYS = {0};
    private static final long GAP = 8;
    /** One call of every accumulator kind, DISTINCT included, so each one's state crosses a restore. */
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.AVG, 3, -1, false, DataType.DOUBLE, DataType.DOUBLE),
            new AggregateCall(AggregateKind.MAX, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MIN, 3, -1, false, DataType.DOUBLE, DataType.DOUBLE),
            new AggregateCall(AggregateKind.MAX, 0, -1, false, DataType.STRING, DataType.STRING),
            new AggregateCall(AggregateKind.EVERY, 4, -1, false, DataType.BOOLEAN, DataType.BOOLEAN),
            new AggregateCall(AggregateKind.COUNT, 2, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 3, 4, true, DataType.DOUBLE, DataType.DOUBLE));
    /** key, window_start, window_end, then the calls. */
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, MILLIS, MILLIS, DataType.BIGINT,
            DataType.BIGINT, DataType.DOUBLE, DataType.BIGINT, DataType.DOUBLE, DataType.STRING, DataType.BOOLEAN,
            DataType.BIGINT, DataType.DOUBLE);
    private static final int ROWS = 300;
    private static final int BATCH = 6;

    /**
     * Row i: 5 keys, each with a row about every 5 ms (less than the gap) up to 8 ms out of order, so sessions grow
     * and merge; every 50 rows time jumps by 40 ms, so sessions close. Values repeat and are sometimes null.
     */
    private static List<Object> input(int i) {
        long time = i + (i / 50) * 40L + (i * 7L) % 9;
        Long value = i % 11 == 0 ? null : (long) (i % 4);
        Double dbl = i % 13 == 0 ? null : (i % 5) * 0.5;
        return row("k" + i % 5, time, value, dbl, i % 17 != 0);
    }

    private static KeyedSubtasks subtasks(int parallelism, List<StateReader> restored) throws Exception {
        return new KeyedSubtasks(() -> new SessionWindowAggregateOperator(KEYS, 1, GAP, INPUT, CALLS, true), INPUT,
                OUTPUT, KEYS, parallelism, restored);
    }

    /** Rows {@code [from, to)} in batches, with a watermark 10 ms below the latest row every 12 rows. */
    private static void feed(KeyedSubtasks subtasks, int from, int to) throws Exception {
        for (int i = from; i < to; i += BATCH) {
            List<List<Object>> batch = new ArrayList<>();
            for (int r = i; r < Math.min(to, i + BATCH); r++) {
                batch.add(input(r));
            }
            subtasks.push(batch);
            int last = i + BATCH - 1;
            if (last % 12 == 11) {
                subtasks.watermark((Long) input(last).get(1) - 10);
            }
        }
    }

    private static List<List<Object>> uninterrupted() throws Exception {
        KeyedSubtasks run = subtasks(1, null);
        feed(run, 0, ROWS);
        return run.finish();
    }

    /** Rows before the snapshot at {@code before} subtasks, the rest after restoring at {@code after}. */
    private static List<List<Object>> restored(int split, int before, int after) throws Exception {
        KeyedSubtasks first = subtasks(before, null);
        feed(first, 0, split);
        List<List<Object>> rows = first.rows();
        KeyedSubtasks second = subtasks(after, SnapshotHarness.restore(first.snapshot(), after));
        feed(second, split, ROWS);
        rows.addAll(second.finish());
        return rows;
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenTheResultEqualsAnUninterruptedRun() throws Exception {
        List<List<Object>> expected = uninterrupted();
        assertThat(expected).hasSizeGreaterThan(20);
        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}, {3, 2}}) {
            for (int split : new int[] {0, 96, 210}) {
                assertThat(restored(split, p[0], p[1])).as("p%d -> p%d after %d rows", p[0], p[1], split)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void whenTheOperatorMovesOnAfterASnapshot_thenTheSnapshotStillHoldsTheStateAtTheBarrier() throws Exception {
        KeyedSubtasks first = subtasks(1, null);
        feed(first, 0, 120);
        List<List<Object>> rows = first.rows();
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(first.harnesses.get(0).operator(), 1,
                () -> feed(first, 120, 252));

        KeyedSubtasks second = subtasks(1, SnapshotHarness.restore(List.of(state), 1));
        feed(second, 120, ROWS);
        rows.addAll(second.finish());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(uninterrupted());
    }

    @Test
    void whenARestoredRowBridgesRestoredSessions_thenTheyMergeWithTheirDistinctValues() throws Exception {
        KeyedSubtasks first = subtasks(1, null);
        first.push(List.of(row("a", 0L, 1L, 1.0, true), row("a", 12L, 1L, 2.0, true)));

        KeyedSubtasks second = subtasks(2, SnapshotHarness.restore(first.snapshot(), 2));
        second.push(List.of(row("a", 6L, 2L, 2.0, true)));

        assertThat(second.finish()).containsExactly(
                row("a", 0L, 20L, 3L, 4L, 5.0 / 3, 2L, 1.0, "a", true, 2L, 3.0));
    }

    @Test
    void whenRestored_thenARowOfASessionEmittedBeforeTheFailureIsLateAndDropped() throws Exception {
        KeyedSubtasks first = subtasks(1, null);
        first.push(List.of(row("a", 5L, 1L, 1.0, true), row("a", 30L, 2L, 1.0, true))).watermark(20);
        assertThat(first.rows()).extracting(r -> r.get(1)).containsExactly(5L);

        KeyedSubtasks second = subtasks(2, SnapshotHarness.restore(first.snapshot(), 2));
        List<Object> late = row("a", 12L, 4L, 1.0, true);
        second.push(List.of(late));

        assertThat(second.finish()).extracting(r -> r.get(1)).containsExactly(30L);
        OperatorTestHarness owner = second.ownerOf(late);
        assertThat(owner.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }
}
