package io.weir.executor.operators.aggregate;

import static io.weir.executor.operators.Rows.row;
import static io.weir.executor.operators.Changelogs.changelog;
import static io.weir.executor.operators.Changelogs.materialize;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.operators.window.KeyedSubtasks;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupAggregateOperatorTest {

    /** key, bidder, price, price < 10 (the FILTER column a Calc computes upstream). */
    private static final List<DataType> INPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT,
            DataType.BOOLEAN);
    private static final int[] KEYS = {0};
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, -1, 3, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, 1, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, 1, 3, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MIN, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MAX, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.AVG, 2, -1, false, DataType.BIGINT, DataType.BIGINT));
    /** key, count(*), count(*) filter, count(distinct bidder), ... filter, sum, min, max, avg. */
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT);

    private static OperatorTestHarness harness(int[] keys, List<AggregateCall> calls, List<DataType> output)
            throws Exception {
        return OperatorTestHarness.forOperator(new GroupAggregateOperator(keys, INPUT, calls))
                .input(INPUT).output(output).open();
    }

    private static List<Object> bid(String key, long bidder, long price) {
        return row(key, bidder, price, price < 10);
    }

    @Test
    void whenAChunkTouchesGroups_thenEachEmitsOneInsertOrOneUpdatePairForTheWholeChunk() throws Exception {
        OperatorTestHarness h = harness(KEYS, CALLS, OUTPUT);

        h.push(0, bid("a", 1, 5), bid("a", 2, 20), bid("b", 1, 7));
        assertThat(changelog(h)).containsExactly(
                "+I[a, 2, 1, 2, 1, 25, 5, 20, 12]",
                "+I[b, 1, 1, 1, 1, 7, 7, 7, 7]");

        h.push(0, bid("a", 1, 3), bid("a", 3, 30), bid("a", 1, 1));
        assertThat(changelog(h)).hasSize(4).endsWith(
                "-U[a, 2, 1, 2, 1, 25, 5, 20, 12]",
                "+U[a, 5, 3, 3, 1, 59, 1, 30, 11]");
    }

    @Test
    void whenTheResultOfAGroupDoesNotChange_thenNothingIsEmitted() throws Exception {
        List<AggregateCall> maxAndDistinct = List.of(
                new AggregateCall(AggregateKind.MAX, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
                new AggregateCall(AggregateKind.COUNT, 1, 3, true, DataType.BIGINT, DataType.BIGINT));
        OperatorTestHarness h = harness(KEYS, maxAndDistinct, List.of(DataType.STRING, DataType.BIGINT,
                DataType.BIGINT));

        h.push(0, bid("a", 1, 50), bid("b", 1, 5));
        h.push(0, bid("a", 2, 40), bid("a", 1, 50), bid("b", 1, 4));
        h.watermark(100);

        assertThat(changelog(h)).containsExactly("+I[a, 50, 0]", "+I[b, 5, 1]");
        assertThat(h.watermarks()).containsExactly(new Watermark(100));
    }

    @Test
    void whenGlobalAggregate_thenTheFirstResultIsAnInsertAndLaterOnesUpdates() throws Exception {
        List<AggregateCall> calls = List.of(CALLS.get(0), CALLS.get(3));
        OperatorTestHarness h = harness(new int[0], calls, List.of(DataType.BIGINT, DataType.BIGINT));

        h.push(0, bid("a", 1, 5), bid("b", 1, 7));
        h.push(0, bid("c", 2, 50));
        h.push(0, bid("c", 3, 5));

        assertThat(changelog(h)).containsExactly("+I[2, 1]", "-U[2, 1]", "+U[3, 1]", "-U[3, 1]", "+U[4, 2]");
        assertThat(h.finish()).hasSize(5);
    }

    @Test
    void whenAChunkUpdatesMoreGroupsThanAChunkHolds_thenTheChangelogIsSplitIntoFullChunks() throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(new GroupAggregateOperator(KEYS, INPUT, CALLS))
                .input(INPUT).output(OUTPUT).chunkSize(4).open();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(bid("k" + i, i, i));
        }
        h.pushRows(0, rows);
        h.pushRows(0, rows);

        assertThat(h.chunks()).extracting(c -> c.size()).containsExactly(4, 4, 4);
        assertThat(materialize(changelog(h))).containsOnlyKeys(
                "[k0, 2, 2, 1, 1, 0, 0, 0, 0]", "[k1, 2, 2, 1, 1, 2, 1, 1, 1]",
                "[k2, 2, 2, 1, 1, 4, 2, 2, 2]", "[k3, 2, 2, 1, 1, 6, 3, 3, 3]");
    }

    private static final int ROWS = 400;
    private static final int BATCH = 7;

    /** Row i: 9 keys, bidders repeating per key, prices on both sides of the FILTER and sometimes null. */
    private static List<Object> input(int i) {
        Long price = i % 23 == 0 ? null : (long) (i * 37 % 20);
        return row("k" + i % 9, (long) (i % 13), price, price == null ? null : price < 10);
    }

    private static KeyedSubtasks subtasks(int parallelism, List<StateReader> restored) throws Exception {
        return new KeyedSubtasks(() -> new GroupAggregateOperator(KEYS, INPUT, CALLS), INPUT, OUTPUT, KEYS,
                parallelism, restored);
    }

    private static void feed(KeyedSubtasks subtasks, int from, int to) throws Exception {
        for (int i = from; i < to; i += BATCH) {
            List<List<Object>> batch = new ArrayList<>();
            for (int r = i; r < Math.min(to, i + BATCH); r++) {
                batch.add(input(r));
            }
            subtasks.push(batch);
        }
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenTheChangelogLeavesTheSameTableAsAnUninterruptedRun()
            throws Exception {
        KeyedSubtasks uninterrupted = subtasks(1, null);
        feed(uninterrupted, 0, ROWS);
        Map<String, Integer> expected = materialize(changelog(uninterrupted));
        assertThat(expected).hasSize(9);

        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}, {3, 2}}) {
            for (int split : new int[] {0, 140, 301}) {
                KeyedSubtasks first = subtasks(p[0], null);
                feed(first, 0, split);
                List<String> changes = changelog(first);
                KeyedSubtasks second = subtasks(p[1], SnapshotHarness.restore(first.snapshot(), p[1]));
                feed(second, split, ROWS);
                changes.addAll(changelog(second));
                assertThat(materialize(changes)).as("p%d -> p%d after %d rows", p[0], p[1], split)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void whenTheOperatorMovesOnAfterASnapshot_thenTheSnapshotStillHoldsTheStateAtTheBarrier() throws Exception {
        KeyedSubtasks uninterrupted = subtasks(1, null);
        feed(uninterrupted, 0, ROWS);

        KeyedSubtasks first = subtasks(1, null);
        feed(first, 0, 140);
        List<String> changes = changelog(first);
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(first.harnesses.get(0).operator(), 1,
                () -> feed(first, 140, 280));
        KeyedSubtasks second = subtasks(1, SnapshotHarness.restore(List.of(state), 1));
        feed(second, 140, ROWS);
        changes.addAll(changelog(second));

        assertThat(materialize(changes)).isEqualTo(materialize(changelog(uninterrupted)));
    }
}
