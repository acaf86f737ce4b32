package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.DataType;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionWindowTableFunctionOperatorCheckpointTest {

    private static final DataType TS = DataType.BIGINT;
    /** key, rowtime, value, a double. */
    private static final List<DataType> INPUT = List.of(DataType.STRING, TS, DataType.BIGINT, DataType.DOUBLE);
    /** The input columns, then window_start, window_end, window_time. */
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, TS, DataType.BIGINT, DataType.DOUBLE, TS,
            TS, TS);
    private static final int[] KEYS = {0};
    private static final int[] NO_KEYS = {};
    private static final long GAP = 8;
    private static final int ROWS = 300;
    private static final int BATCH = 6;

    /** Row i: 5 keys (one null), each with a row about every 5 ms, out of order; a 40 ms pause every 50 rows. */
    private static List<Object> input(int i) {
        long time = i + (i / 50) * 40L + (i * 7L) % 9;
        Long value = i % 11 == 0 ? null : (long) i;
        Double dbl = i % 13 == 0 ? null : (i % 5) * 0.5;
        return row(i % 5 == 4 ? null : "k" + i % 5, time, value, dbl);
    }

    private static KeyedSubtasks subtasks(int[] keys, int parallelism, List<StateReader> restored) throws Exception {
        return new KeyedSubtasks(() -> new SessionWindowTableFunctionOperator(keys, 1, GAP, true, INPUT), INPUT,
                OUTPUT, keys, parallelism, restored);
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

    private static List<List<Object>> uninterrupted(int[] keys) throws Exception {
        KeyedSubtasks run = subtasks(keys, 1, null);
        feed(run, 0, ROWS);
        return run.finish();
    }

    private static List<List<Object>> restored(int[] keys, int split, int before, int after) throws Exception {
        KeyedSubtasks first = subtasks(keys, before, null);
        feed(first, 0, split);
        List<List<Object>> rows = first.rows();
        KeyedSubtasks second = subtasks(keys, after, SnapshotHarness.restore(first.snapshot(), after));
        feed(second, split, ROWS);
        rows.addAll(second.finish());
        return rows;
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenTheResultEqualsAnUninterruptedRun() throws Exception {
        List<List<Object>> expected = uninterrupted(KEYS);
        assertThat(expected).hasSize(ROWS);
        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}, {3, 2}}) {
            for (int split : new int[] {0, 96, 210}) {
                assertThat(restored(KEYS, split, p[0], p[1])).as("p%d -> p%d after %d rows", p[0], p[1], split)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void whenThereIsNoPartitionKey_thenARestoreAlsoEqualsAnUninterruptedRun() throws Exception {
        assertThat(restored(NO_KEYS, 96, 1, 1)).containsExactlyInAnyOrderElementsOf(uninterrupted(NO_KEYS));
    }

    @Test
    void whenTheOperatorMovesOnAfterASnapshot_thenTheSnapshotStillHoldsTheStateAtTheBarrier() throws Exception {
        KeyedSubtasks first = subtasks(KEYS, 1, null);
        feed(first, 0, 120);
        List<List<Object>> rows = first.rows();
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(first.harnesses.get(0).operator(), 1,
                () -> feed(first, 120, 252));

        KeyedSubtasks second = subtasks(KEYS, 1, SnapshotHarness.restore(List.of(state), 1));
        feed(second, 120, ROWS);
        rows.addAll(second.finish());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(uninterrupted(KEYS));
    }

    @Test
    void whenRestored_thenHeldRowsBelowTheWatermarkStayAndLateRowsAreDroppedAndCounted() throws Exception {
        KeyedSubtasks first = subtasks(KEYS, 1, null);
        first.push(List.of(row("a", 5L, 1L, 1.0), row("a", 15L, 5L, 1.0), row("a", 22L, 2L, 1.0))).watermark(20);
        assertThat(first.rows()).containsExactly(row("a", 5L, 1L, 1.0, 5L, 13L, 12L));

        KeyedSubtasks second = subtasks(KEYS, 2, SnapshotHarness.restore(first.snapshot(), 2));
        List<Object> late = row("a", 12L, 3L, 1.0);
        second.push(List.of(late, row("a", 25L, 4L, 1.0)));

        assertThat(second.finish()).containsExactly(row("a", 15L, 5L, 1.0, 15L, 33L, 32L),
                row("a", 22L, 2L, 1.0, 15L, 33L, 32L), row("a", 25L, 4L, 1.0, 15L, 33L, 32L));
        assertThat(second.ownerOf(late).context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }
}
