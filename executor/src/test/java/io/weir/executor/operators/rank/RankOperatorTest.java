package io.weir.executor.operators.rank;

import static io.weir.executor.operators.Rows.row;
import static io.weir.executor.operators.Changelogs.changelog;
import static io.weir.executor.operators.Changelogs.materialize;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.operators.window.KeyedSubtasks;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankOperatorTest {

    /** auction, bidder, price, date_time. */
    private static final List<DataType> INPUT = List.of(DataType.BIGINT, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT);
    private static final List<DataType> WITH_ROW_NUMBER = List.of(DataType.BIGINT, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT, DataType.BIGINT);
    private static final int[] BY_AUCTION = {0};

    /** PARTITION BY auction ORDER BY price DESC, top {@code limit}. */
    private static RankOperator topPrices(int limit, boolean rowNumber, boolean emitAtEnd) {
        return new RankOperator(BY_AUCTION, new int[] {2}, new boolean[] {true}, new boolean[] {false}, limit,
                false, rowNumber, emitAtEnd, INPUT);
    }

    /** PARTITION BY auction, bidder ORDER BY date_time DESC, rn = 1: the latest bid of each bidder per auction. */
    private static RankOperator latestBid() {
        return new RankOperator(new int[] {0, 1}, new int[] {3}, new boolean[] {true}, new boolean[] {false}, 1,
                true, false, false, INPUT);
    }

    private static OperatorTestHarness harness(RankOperator operator) throws Exception {
        return OperatorTestHarness.forOperator(operator).input(INPUT).output(operator.outputTypes()).open();
    }

    private static List<Object> bid(long auction, long bidder, long price, long time) {
        return row(auction, bidder, price, time);
    }

    @Test
    void whenABetterRowArrivesWithTheRowNumber_thenEachRankWhoseRowChangedIsUpdated() throws Exception {
        OperatorTestHarness h = harness(topPrices(2, true, false));

        h.push(0, bid(1, 10, 50, 1), bid(2, 10, 5, 1));
        h.push(0, bid(1, 11, 70, 2));
        h.push(0, bid(1, 12, 10, 3));

        assertThat(changelog(h)).containsExactly(
                "+I[1, 10, 50, 1, 1]",
                "+I[2, 10, 5, 1, 1]",
                "-U[1, 10, 50, 1, 1]", "+U[1, 11, 70, 2, 1]",
                "+I[1, 10, 50, 1, 2]");
    }

    @Test
    void whenARowPushesAnotherOutWithoutTheRowNumber_thenTheOldRowIsDeletedAndTheNewInserted() throws Exception {
        OperatorTestHarness h = harness(topPrices(2, false, false));

        h.push(0, bid(1, 10, 50, 1), bid(1, 11, 40, 1));
        h.push(0, bid(1, 12, 45, 2), bid(1, 13, 1, 2));

        assertThat(changelog(h)).containsExactly(
                "+I[1, 10, 50, 1]", "+I[1, 11, 40, 1]",
                "-D[1, 11, 40, 1]", "+I[1, 12, 45, 2]");
    }

    @Test
    void whenDeduplicatingToTheLatestRow_thenALaterRowReplacesTheKeptOneAsAnUpdate() throws Exception {
        OperatorTestHarness h = harness(latestBid());

        h.push(0, bid(1, 10, 50, 100), bid(1, 11, 7, 100));
        h.push(0, bid(1, 10, 60, 200), bid(1, 10, 55, 150));
        h.push(0, bid(1, 10, 65, 200));
        h.watermark(300);

        assertThat(changelog(h)).as("an equal rowtime keeps the last row, as Flink's deduplication").containsExactly(
                "+I[1, 10, 50, 100]", "+I[1, 11, 7, 100]",
                "-U[1, 10, 50, 100]", "+U[1, 10, 60, 200]",
                "-U[1, 10, 60, 200]", "+U[1, 10, 65, 200]");
        assertThat(h.watermarks()).containsExactly(new Watermark(300));
    }

    @Test
    void whenSortKeysTie_thenTheEarlierRowKeepsTheBetterRank() throws Exception {
        OperatorTestHarness h = harness(topPrices(2, true, false));

        h.push(0, bid(1, 10, 50, 1), bid(1, 11, 50, 2), bid(1, 12, 50, 3));

        assertThat(changelog(h)).containsExactly("+I[1, 10, 50, 1, 1]", "+I[1, 11, 50, 2, 2]");
    }

    @Test
    void whenARowEntersAndLeavesWithinOneChunk_thenItIsNotEmitted() throws Exception {
        OperatorTestHarness h = harness(topPrices(1, false, false));

        h.push(0, bid(1, 10, 50, 1));
        h.push(0, bid(1, 11, 60, 2), bid(1, 12, 70, 3), bid(1, 13, 65, 4));

        assertThat(changelog(h)).containsExactly("+I[1, 10, 50, 1]", "-U[1, 10, 50, 1]", "+U[1, 12, 70, 3]");
    }

    @Test
    void whenRunAsBatch_thenOnlyTheFinalTopRowsAreInsertedAtTheEnd() throws Exception {
        OperatorTestHarness h = harness(topPrices(2, true, true));

        h.push(0, bid(1, 10, 50, 1), bid(2, 10, 5, 1), bid(1, 11, 70, 2));
        h.push(0, bid(1, 12, 60, 3));
        assertThat(h.rows()).isEmpty();
        h.endInput(0);

        assertThat(changelog(h)).containsExactlyInAnyOrder(
                "+I[1, 11, 70, 2, 1]", "+I[1, 12, 60, 3, 2]", "+I[2, 10, 5, 1, 1]");
    }

    private static final int ROWS = 600;

    /** Row i: 7 auctions, prices with ties, distinct times. */
    private static List<Object> input(int i) {
        return bid(i % 7, i % 5, i * 37L % 50, i);
    }

    /** The top {@code limit} of each auction by price DESC, ties by arrival, as a full stable sort finds them. */
    private static Map<String, Integer> reference(int limit, boolean rowNumber) {
        Map<Long, List<List<Object>>> byAuction = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            List<Object> row = input(i);
            byAuction.computeIfAbsent((Long) row.get(0), k -> new ArrayList<>()).add(row);
        }
        List<String> inserts = new ArrayList<>();
        for (List<List<Object>> rows : byAuction.values()) {
            rows.sort(Comparator.comparing((List<Object> r) -> (Long) r.get(2)).reversed());
            for (int r = 0; r < Math.min(limit, rows.size()); r++) {
                List<Object> out = new ArrayList<>(rows.get(r));
                if (rowNumber) {
                    out.add(r + 1L);
                }
                inserts.add("+I" + out);
            }
        }
        return materialize(inserts);
    }

    @Test
    void whenChunksOfAnySizeArrive_thenTheChangelogLeavesTheTopRowsOfAFullSort() throws Exception {
        Random random = new Random(7);
        for (int limit : new int[] {1, 3, 10}) {
            for (boolean rowNumber : new boolean[] {false, true}) {
                OperatorTestHarness h = harness(topPrices(limit, rowNumber, false));
                int i = 0;
                while (i < ROWS) {
                    int size = 1 + random.nextInt(40);
                    List<List<Object>> chunk = new ArrayList<>();
                    for (; i < ROWS && chunk.size() < size; i++) {
                        chunk.add(input(i));
                    }
                    h.pushRows(0, chunk);
                }
                assertThat(materialize(changelog(h))).as("top %d, row number %s", limit, rowNumber)
                        .isEqualTo(reference(limit, rowNumber));
            }
        }
    }

    private static KeyedSubtasks subtasks(int parallelism, List<StateReader> restored) throws Exception {
        RankOperator template = topPrices(3, true, false);
        return new KeyedSubtasks(() -> topPrices(3, true, false), INPUT, template.outputTypes(), BY_AUCTION,
                parallelism, restored);
    }

    private static void feed(KeyedSubtasks subtasks, int from, int to) throws Exception {
        for (int i = from; i < to; i += 11) {
            List<List<Object>> batch = new ArrayList<>();
            for (int r = i; r < Math.min(to, i + 11); r++) {
                batch.add(input(r));
            }
            subtasks.push(batch);
        }
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenTheChangelogLeavesTheSameTableAsAnUninterruptedRun()
            throws Exception {
        Map<String, Integer> expected = reference(3, true);
        assertThat(expected).hasSize(21);

        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}, {3, 2}}) {
            for (int split : new int[] {0, 140, 451}) {
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
        KeyedSubtasks first = subtasks(1, null);
        feed(first, 0, 140);
        List<String> changes = changelog(first);
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(first.harnesses.get(0).operator(), 1,
                () -> feed(first, 140, 280));
        KeyedSubtasks second = subtasks(1, SnapshotHarness.restore(List.of(state), 1));
        feed(second, 140, ROWS);
        changes.addAll(changelog(second));

        assertThat(materialize(changes)).isEqualTo(reference(3, true));
    }
}
