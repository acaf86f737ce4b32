package io.weir.executor.operators.aggregate;

import static io.weir.executor.operators.Rows.row;
import static io.weir.executor.operators.Changelogs.changelog;
import static io.weir.executor.operators.Changelogs.materialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.StateReader;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.operators.Chunks;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.operators.window.KeyedSubtasks;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GROUP BY over an updating input (another GROUP BY's changelog): rows taken back by -U and -D. */
class GroupAggregateRetractionTest {

    /** key, v, d. */
    private static final List<DataType> INPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.DOUBLE);
    private static final int[] KEYS = {0};
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.AVG, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MIN, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MAX, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, -1, false, DataType.DOUBLE, DataType.DOUBLE));
    /** key, count(*), count(v), sum(v), avg(v), min(v), max(v), sum(d). */
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.DOUBLE);

    private static OperatorTestHarness harness() throws Exception {
        return OperatorTestHarness.forOperator(new GroupAggregateOperator(KEYS, INPUT, CALLS, true))
                .input(INPUT).output(OUTPUT).open();
    }

    /** Pushes one chunk of changes given as kind, key, v, d, kind, key, v, d, ... */
    private static void push(OperatorTestHarness h, Object... changes) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        List<RowKind> kinds = new ArrayList<>();
        for (int i = 0; i < changes.length; i += 4) {
            kinds.add((RowKind) changes[i]);
            rows.add(row(changes[i + 1], changes[i + 2], changes[i + 3]));
        }
        h.push(0, Chunks.of(INPUT, rows, kinds));
    }

    private static final RowKind I = RowKind.INSERT;
    private static final RowKind UB = RowKind.UPDATE_BEFORE;
    private static final RowKind UA = RowKind.UPDATE_AFTER;
    private static final RowKind D = RowKind.DELETE;

    @Test
    void whenARowIsUpdated_thenCountSumAndAverageTakeTheOldValueOutAndTheNewOneIn() throws Exception {
        OperatorTestHarness h = harness();
        push(h, I, "a", 10L, 1.5, I, "a", 20L, 2.0);
        push(h, UB, "a", 20L, 2.0, UA, "a", 40L, 4.0);

        assertThat(changelog(h)).containsExactly(
                "+I[a, 2, 2, 30, 15, 10, 20, 3.5]",
                "-U[a, 2, 2, 30, 15, 10, 20, 3.5]",
                "+U[a, 2, 2, 50, 25, 10, 40, 5.5]");
    }

    @Test
    void whenTheMaximumIsRetracted_thenTheNextValueTheGroupHoldsBecomesIt() throws Exception {
        OperatorTestHarness h = harness();
        push(h, I, "a", 5L, 0.0, I, "a", 9L, 0.0, I, "a", 9L, 0.0, I, "a", 3L, 0.0);
        push(h, D, "a", 9L, 0.0);
        push(h, D, "a", 9L, 0.0);
        push(h, D, "a", 3L, 0.0);

        assertThat(changelog(h)).containsExactly(
                "+I[a, 4, 4, 26, 6, 3, 9, 0.0]",
                "-U[a, 4, 4, 26, 6, 3, 9, 0.0]",
                "+U[a, 3, 3, 17, 5, 3, 9, 0.0]",
                "-U[a, 3, 3, 17, 5, 3, 9, 0.0]",
                "+U[a, 2, 2, 8, 4, 3, 5, 0.0]",
                "-U[a, 2, 2, 8, 4, 3, 5, 0.0]",
                "+U[a, 1, 1, 5, 5, 5, 5, 0.0]");
    }

    @Test
    void whenTheLastNonNullValueIsRetracted_thenSumAvgMinAndMaxAreNullWhileCountStarStillCountsTheRow()
            throws Exception {
        OperatorTestHarness h = harness();
        push(h, I, "a", null, null, I, "a", 7L, 0.5);
        push(h, D, "a", 7L, 0.5);

        assertThat(changelog(h)).containsExactly(
                "+I[a, 2, 1, 7, 7, 7, 7, 0.5]",
                "-U[a, 2, 1, 7, 7, 7, 7, 0.5]",
                "+U[a, 1, 0, null, null, null, null, null]");
    }

    @Test
    void whenAGroupLosesItsLastRow_thenItIsDeletedAndALaterRowStartsItAfreshWithAnInsert() throws Exception {
        OperatorTestHarness h = harness();
        push(h, I, "a", 4L, 0.1, I, "b", 1L, 0.2);
        push(h, UB, "a", 4L, 0.1, UB, "b", 1L, 0.2, UA, "b", 2L, 0.3);
        push(h, I, "a", 6L, 0.7);

        assertThat(changelog(h)).containsExactly(
                "+I[a, 1, 1, 4, 4, 4, 4, 0.1]",
                "+I[b, 1, 1, 1, 1, 1, 1, 0.2]",
                "-D[a, 1, 1, 4, 4, 4, 4, 0.1]",
                "-U[b, 1, 1, 1, 1, 1, 1, 0.2]",
                "+U[b, 1, 1, 2, 2, 2, 2, 0.3]",
                "+I[a, 1, 1, 6, 6, 6, 6, 0.7]");
    }

    @Test
    void whenAChunkInsertsAndRetractsTheSameRowOfANewGroup_thenNothingIsEmitted() throws Exception {
        OperatorTestHarness h = harness();
        push(h, I, "a", 4L, 0.1, UB, "a", 4L, 0.1, I, "b", 1L, 1.0);
        push(h, I, "b", 2L, 2.0, D, "b", 2L, 2.0);

        assertThat(changelog(h)).containsExactly("+I[b, 1, 1, 1, 1, 1, 1, 1.0]");
    }

    @Test
    void whenTheGlobalAggregateLosesItsLastRow_thenItsResultIsDeleted() throws Exception {
        List<AggregateCall> count = List.of(CALLS.get(0));
        OperatorTestHarness h = OperatorTestHarness.forOperator(
                new GroupAggregateOperator(new int[0], INPUT, count, true))
                .input(INPUT).output(List.of(DataType.BIGINT)).open();
        push(h, I, "a", 1L, 0.0);
        push(h, D, "a", 1L, 0.0);

        assertThat(changelog(h)).containsExactly("+I[1]", "-D[1]");
    }

    @Test
    void whenADistinctKeyOfAnUpdatingInputLosesItsLastRow_thenItIsDeleted() throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(
                new GroupAggregateOperator(KEYS, INPUT, List.of(), true))
                .input(INPUT).output(List.of(DataType.STRING)).open();
        push(h, I, "a", 1L, 0.0, I, "a", 2L, 0.0);
        push(h, UB, "a", 1L, 0.0, UA, "b", 1L, 0.0);
        push(h, D, "a", 2L, 0.0);

        assertThat(changelog(h)).containsExactly("+I[a]", "+I[b]", "-D[a]");
    }

    @Test
    void whenAnInsertOnlyGroupByReceivesARetraction_thenItFailsRatherThanCountingItAsAnInsert() throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(new GroupAggregateOperator(KEYS, INPUT, CALLS))
                .input(INPUT).output(OUTPUT).open();

        assertThatThrownBy(() -> push(h, I, "a", 1L, 0.0, UB, "a", 1L, 0.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("received a -U row");
    }

    /** COUNT(DISTINCT v), SUM(DISTINCT v), MAX(DISTINCT v) FILTER (WHERE d > 0): key, then the three. */
    private static final List<AggregateCall> DISTINCT_CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, 1, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 1, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MAX, 1, 3, true, DataType.BIGINT, DataType.BIGINT));
    private static final List<DataType> DISTINCT_INPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.DOUBLE,
            DataType.BOOLEAN);
    private static final List<DataType> DISTINCT_OUTPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT);

    @Test
    void whenADistinctValueLosesItsLastRow_thenDistinctAggregatesTakeItBackButNotWhileAnotherRowHoldsIt()
            throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(
                new GroupAggregateOperator(KEYS, DISTINCT_INPUT, DISTINCT_CALLS, true))
                .input(DISTINCT_INPUT).output(DISTINCT_OUTPUT).open();
        h.push(0, Chunks.of(DISTINCT_INPUT, List.of(row("a", 5L, 1.0, true), row("a", 5L, 1.0, true),
                row("a", 9L, 1.0, false)), List.of(I, I, I)));
        h.push(0, Chunks.of(DISTINCT_INPUT, List.of(row("a", 5L, 1.0, true)), List.of(D)));
        h.push(0, Chunks.of(DISTINCT_INPUT, List.of(row("a", 9L, 1.0, false)), List.of(UB)));
        h.push(0, Chunks.of(DISTINCT_INPUT, List.of(row("a", 5L, 1.0, true)), List.of(UB)));

        assertThat(changelog(h)).containsExactly("+I[a, 2, 14, 5]", "-U[a, 2, 14, 5]", "+U[a, 1, 5, 5]",
                "-D[a, 1, 5, 5]");
    }

    private static final int STEPS = 300;
    private static final int BATCH = 7;

    /**
     * The changelog of an upstream table of 13 items, one change per step: an item appears (+I), changes value and
     * maybe group (-U, +U), or is deleted (-D). Groups by value bucket, so items move between groups.
     */
    private static List<List<Object>> upstream(List<RowKind> kinds) {
        List<List<Object>> rows = new ArrayList<>();
        Map<Integer, List<Object>> items = new HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            int item = step * 7 % 13;
            List<Object> old = items.get(item);
            Long v = step % 19 == 0 ? null : (long) (step * 31 % 50);
            List<Object> next = row("k" + (v == null ? 0 : v % 4), v, step * 0.25);
            if (old == null) {
                kinds.add(RowKind.INSERT);
                rows.add(next);
                items.put(item, next);
            } else if (step % 11 == 0) {
                kinds.add(RowKind.DELETE);
                rows.add(old);
                items.remove(item);
            } else {
                kinds.add(RowKind.UPDATE_BEFORE);
                rows.add(old);
                kinds.add(RowKind.UPDATE_AFTER);
                rows.add(next);
                items.put(item, next);
            }
        }
        return rows;
    }

    /** The calls above and COUNT(DISTINCT v), SUM(DISTINCT v): the restore test's. */
    private static final List<AggregateCall> ALL_CALLS = List.of(CALLS.get(0), CALLS.get(1), CALLS.get(2),
            CALLS.get(3), CALLS.get(4), CALLS.get(5), CALLS.get(6),
            new AggregateCall(AggregateKind.COUNT, 1, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 1, -1, true, DataType.BIGINT, DataType.BIGINT));
    private static final List<DataType> ALL_OUTPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.DOUBLE, DataType.BIGINT,
            DataType.BIGINT);

    private static KeyedSubtasks subtasks(int parallelism, List<StateReader> restored) throws Exception {
        return new KeyedSubtasks(() -> new GroupAggregateOperator(KEYS, INPUT, ALL_CALLS, true), INPUT, ALL_OUTPUT,
                KEYS, parallelism, restored);
    }

    private static void feed(KeyedSubtasks subtasks, List<List<Object>> rows, List<RowKind> kinds, int from, int to)
            throws Exception {
        for (int i = from; i < to; i += BATCH) {
            int end = Math.min(to, i + BATCH);
            subtasks.push(rows.subList(i, end), kinds.subList(i, end));
        }
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenTheChangelogLeavesTheSameTableAsAnUninterruptedRun()
            throws Exception {
        List<RowKind> kinds = new ArrayList<>();
        List<List<Object>> rows = upstream(kinds);
        KeyedSubtasks uninterrupted = subtasks(1, null);
        feed(uninterrupted, rows, kinds, 0, rows.size());
        Map<String, Integer> expected = materialize(changelog(uninterrupted));
        assertThat(expected).hasSize(4);

        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}, {3, 2}}) {
            for (int split : new int[] {0, 140, 301}) {
                KeyedSubtasks first = subtasks(p[0], null);
                feed(first, rows, kinds, 0, split);
                KeyedSubtasks second = subtasks(p[1], SnapshotHarness.restore(first.snapshot(), p[1]));
                feed(second, rows, kinds, split, rows.size());
                assertThat(materialize(changelog(first, second))).as("p%d -> p%d after %d rows", p[0], p[1], split)
                        .isEqualTo(expected);
            }
        }
    }
}
