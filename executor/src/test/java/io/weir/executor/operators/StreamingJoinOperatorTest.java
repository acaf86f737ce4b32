package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.JoinType;
import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.join.JoinResidual;
import io.weir.executor.operators.join.StreamingJoinOperator;
import io.weir.executor.operators.window.WindowMetrics;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingJoinOperatorTest {

    /** Both sides: (key BIGINT, value STRING, window_end BIGINT millis). */
    private static final List<DataType> SIDE = List.of(DataType.BIGINT, DataType.STRING, DataType.BIGINT);
    private static final List<DataType> JOINED = List.of(DataType.BIGINT, DataType.STRING, DataType.BIGINT,
            DataType.BIGINT, DataType.STRING, DataType.BIGINT);
    /** Over left ++ right: left.value < right.value; UNKNOWN when either is null. */
    private static final JoinResidual LEFT_VALUE_BELOW_RIGHT = JoinResidual.overPairRow(Evaluators.predicate(r ->
            r[1] == null || r[4] == null ? null : ((String) r[1]).compareTo((String) r[4]) < 0));
    /** The same condition compiled over the two columns it reads: pairs are gathered whole only once kept. */
    private static final JoinResidual LEFT_VALUE_BELOW_RIGHT_NARROW = JoinResidual.overColumns(Evaluators.predicate(
            r -> r[0] == null || r[1] == null ? null : ((String) r[0]).compareTo((String) r[1]) < 0), new int[] {1, 4});

    private static StreamingJoinOperator regular(JoinResidual residual) {
        return new StreamingJoinOperator(new int[] {0}, new int[] {0}, new boolean[] {false}, residual, SIDE, SIDE,
                -1, -1);
    }

    /** Joined on key and window_end; window_end is the cleanup column. */
    private static StreamingJoinOperator windowed() {
        return new StreamingJoinOperator(new int[] {0, 2}, new int[] {0, 2}, new boolean[] {false, false}, null,
                SIDE, SIDE, 2, 2);
    }

    private static OperatorTestHarness open(StreamingJoinOperator join) throws Exception {
        return OperatorTestHarness.forOperator(join).input(0, SIDE).input(1, SIDE).output(JOINED).open();
    }

    private static List<List<Object>> side(Random random, int rows, String prefix) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = random.nextInt(10) == 0 ? null : (long) random.nextInt(6);
            out.add(row(key, prefix + random.nextInt(20), 10L));
        }
        return out;
    }

    private static List<List<Object>> reference(List<List<Object>> left, List<List<Object>> right) {
        return JoinReference.join(JoinType.INNER, left, right, new int[] {0}, new int[] {0}, new boolean[] {false},
                null, 3, 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void whenRowsOfBothSidesInterleaveInAnyOrder_thenEveryMatchingPairIsEmittedExactlyOnce(int seed)
            throws Exception {
        Random random = new Random(seed);
        List<List<Object>> left = side(random, 60, "l");
        List<List<Object>> right = side(random, 50, "r");
        OperatorTestHarness h = open(regular(null));
        JoinTestSupport.pushInterleaved(h, random, left, right);

        assertThat(h.finish()).containsExactlyInAnyOrderElementsOf(reference(left, right));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void whenOneSideGrowsWhileTheOtherProbesRowByRow_thenScannedAndIndexedRowsMatchAlike(int keyColumn)
            throws Exception {
        Random random = new Random(11);
        List<List<Object>> left = side(random, 600, "l");
        List<List<Object>> right = new ArrayList<>();
        for (List<Object> row : side(random, 60, "l")) {
            right.add(row(row.get(0), row.get(1), 10L));
        }
        StreamingJoinOperator join = new StreamingJoinOperator(new int[] {keyColumn}, new int[] {keyColumn},
                new boolean[] {false}, null, SIDE, SIDE, -1, -1);
        OperatorTestHarness h = open(join);
        // Left rows in three waves; between them, right rows one at a time: the first probes scan the unindexed
        // left rows, later ones find them indexed, and each wave leaves a new unindexed tail.
        for (int wave = 0; wave < 3; wave++) {
            h.pushRows(0, left.subList(wave * 200, wave * 200 + 200));
            for (List<Object> row : right.subList(wave * 20, wave * 20 + 20)) {
                h.push(1, row);
            }
        }

        assertThat(h.finish()).containsExactlyInAnyOrderElementsOf(JoinReference.join(JoinType.INNER, left, right,
                new int[] {keyColumn}, new int[] {keyColumn}, new boolean[] {false}, null, 3, 3));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whenResidualIsGiven_thenOnlyPairsWhereItIsTrueAreEmittedWhicheverSideArrivesLast(boolean narrow)
            throws Exception {
        OperatorTestHarness h = open(regular(narrow ? LEFT_VALUE_BELOW_RIGHT_NARROW : LEFT_VALUE_BELOW_RIGHT));
        h.push(0, row(1L, "b", 10L)).push(1, row(1L, "a", 10L), row(1L, "c", 10L), row(2L, "z", 10L));
        h.push(0, row(1L, "a", 10L), row(1L, null, 10L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "b", 10L, 1L, "c", 10L),
                row(1L, "a", 10L, 1L, "c", 10L));
    }

    @Test
    void whenRowsMatchBeforeAndAfterAWatermark_thenARegularJoinKeepsEveryRow() throws Exception {
        OperatorTestHarness h = open(regular(null));
        h.push(0, row(1L, "old", 10L)).watermark(1_000).push(1, row(1L, "late", 10L));

        assertThat(h.finish()).containsExactly(row(1L, "old", 10L, 1L, "late", 10L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isZero();
    }

    /** Left rows kept while their column 2 is at least the right side's window ends (column 2) minus 10 s. */
    private static OperatorTestHarness boundedLeft() throws Exception {
        return open(regular(null).expireRows(0, 2, 10_000 - 1));
    }

    @Test
    void whenTheWatermarkPassesALeftRowsBound_thenItIsNoLongerKept() throws Exception {
        OperatorTestHarness h = boundedLeft();
        h.push(0, row(1L, "old", 1_000L), row(1L, "new", 20_000L));
        // Future right rows end windows at >= W + 2 = 10 002, so rows from 2 on could still match: both kept.
        h.watermark(10_000).push(1, row(1L, "a", 10_002L));
        // Now rows before 2 502 can match nothing that comes: the bucket of 1 000 ([624, 1 248)) is freed.
        h.watermark(12_500).push(1, row(1L, "b", 12_502L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "old", 1_000L, 1L, "a", 10_002L),
                row(1L, "new", 20_000L, 1L, "a", 10_002L),
                row(1L, "new", 20_000L, 1L, "b", 12_502L));
    }

    @Test
    void whenTheBoundingWindowEndsLieOnAGrid_thenARowIsFreedOnceTheLastWindowItCanMeetHasClosed() throws Exception {
        // As q7: right rows are 10 s tumbling windows' results; left rows meet window ends from t to t + 10 s.
        OperatorTestHarness h = open(regular(null).expireRows(0, 2, 10_000 - 1, 10_000, 0));
        h.push(0, row(1L, "early", 3_000L), row(1L, "later", 12_000L));
        h.watermark(9_998).push(1, row(1L, "w1", 10_000L));
        // The window ending at 10 000 has closed: the next end that can come is 20 000, beyond 3 000 + 10 s. The
        // row at 3 000 is freed now, where the slack alone would keep it until the watermark passes 13 000.
        h.watermark(10_000).push(1, row(1L, "w2", 20_000L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "early", 3_000L, 1L, "w1", 10_000L),
                row(1L, "later", 12_000L, 1L, "w1", 10_000L),
                row(1L, "later", 12_000L, 1L, "w2", 20_000L));
    }

    @Test
    void whenALeftRowArrivesBelowItsBound_thenItStillMeetsStoredRowsButIsNotKept() throws Exception {
        OperatorTestHarness h = boundedLeft();
        h.push(1, row(1L, "a", 5_000L)).watermark(20_000);
        h.push(0, row(1L, "behind", 100L), row(1L, null, null));
        h.push(1, row(1L, "b", 30_000L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "behind", 100L, 1L, "a", 5_000L),
                row(1L, null, null, 1L, "a", 5_000L));
    }

    /** Interval join on column 2: left.t BETWEEN right.t - 10 s AND right.t + 5 s, late rows of both sides dropped. */
    private static OperatorTestHarness intervalJoin() throws Exception {
        return open(regular(null).expireRows(0, 2, 10_000).expireRows(1, 2, 5_000).dropLateRows(0, 2)
                .dropLateRows(1, 2));
    }

    @Test
    void whenAnIntervalJoinsWatermarkAdvances_thenLateRowsAreDroppedAndRowsBeyondTheBoundsAreFreed()
            throws Exception {
        OperatorTestHarness h = intervalJoin();
        h.push(0, row(1L, "a", 1_000L)).push(1, row(1L, "x", 1_200L)).watermark(1_500);
        h.push(1, row(1L, "late", 1_400L), row(1L, "y", 1_600L));
        long before = h.snapshot(1).size();
        // Right rows before 30 001 - 5 000 and left rows before 30 001 - 10 000 can meet no later row: freed.
        h.watermark(30_000);
        long after = h.snapshot(2).size();
        h.push(0, row(1L, "late too", 29_000L), row(1L, "b", 31_000L)).push(1, row(1L, "z", 32_000L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "a", 1_000L, 1L, "x", 1_200L),
                row(1L, "a", 1_000L, 1L, "y", 1_600L),
                row(1L, "b", 31_000L, 1L, "z", 32_000L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(2);
        assertThat(after).isLessThan(before);
    }

    @Test
    void whenWindowJoinWindowCloses_thenItsRowsAreDroppedAndLaterRowsOfItAreLate() throws Exception {
        OperatorTestHarness h = open(windowed());
        h.push(0, row(1L, "a", 10L), row(1L, "b", 20L));
        h.push(1, row(1L, "x", 10L), row(1L, "y", 20L), row(2L, "z", 20L));
        h.watermark(9);
        h.push(1, row(1L, "late", 10L), row(1L, "w", 20L));
        h.watermark(19);
        h.push(0, row(1L, "late too", 20L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "a", 10L, 1L, "x", 10L),
                row(1L, "b", 20L, 1L, "y", 20L),
                row(1L, "b", 20L, 1L, "w", 20L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(2);
    }

    @Test
    void whenWindowJoinChunkHoldsSeveralWindows_thenEachRowMeetsOnlyItsOwnWindow() throws Exception {
        OperatorTestHarness h = open(windowed());
        h.push(0, row(1L, "a", 30L), row(1L, "b", 10L), row(1L, "c", 20L), row(1L, "d", 10L));
        h.push(1, row(1L, "x", 20L), row(1L, "y", 10L), row(1L, "z", 40L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "b", 10L, 1L, "y", 10L),
                row(1L, "d", 10L, 1L, "y", 10L),
                row(1L, "c", 20L, 1L, "x", 20L));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void whenRestoredAtAnotherParallelism_thenStoredRowsOfBothSidesStillMatchLaterRows(int after) throws Exception {
        Random random = new Random(7);
        List<List<Object>> left = side(random, 80, "l");
        List<List<Object>> right = side(random, 80, "r");
        List<List<Object>> expected = reference(left, right);

        List<OperatorTestHarness> before = subtasks(2, null);
        List<List<Object>> emitted = new ArrayList<>();
        feed(before, 0, left.subList(0, 40));
        feed(before, 1, right.subList(0, 40));
        List<OperatorStateData> states = new ArrayList<>();
        for (OperatorTestHarness h : before) {
            states.add(h.snapshot(1));
            emitted.addAll(h.rows());
            h.close();
        }
        List<OperatorTestHarness> restored = subtasks(after, SnapshotHarness.restore(states, after));
        feed(restored, 1, right.subList(40, 80));
        feed(restored, 0, left.subList(40, 80));
        for (OperatorTestHarness h : restored) {
            emitted.addAll(h.finish());
        }

        assertThat(emitted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void whenTheJoinMovesOnAfterASnapshot_thenTheSnapshotStillHoldsTheRowsOfTheBarrier() throws Exception {
        OperatorTestHarness h = boundedLeft();
        h.push(0, row(1L, "a", 1_000L), row(2L, "b", 20_000L)).push(1, row(1L, "x", 11_000L));
        List<List<Object>> more = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            more.add(row((long) i % 3, i % 7 == 0 ? null : "m" + i, 30_000L + i));
        }

        // After the barrier: stored vectors grow into new arrays, get nulls, and the first bucket is freed.
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(h.operator(), 1, () -> {
            h.pushRows(0, more).pushRows(1, more).watermark(13_000);
        });
        OperatorTestHarness restored = OperatorTestHarness.forOperator(regular(null).expireRows(0, 2,
                10_000 - 1)).input(0, SIDE).input(1, SIDE).output(JOINED)
                .restoredFrom(SnapshotHarness.restore(List.of(state), 1).get(0)).open();
        restored.push(1, row(1L, "y", 12_000L), row(2L, "z", 12_000L));

        assertThat(restored.finish()).containsExactlyInAnyOrder(
                row(1L, "a", 1_000L, 1L, "y", 12_000L),
                row(2L, "b", 20_000L, 2L, "z", 12_000L));
    }

    /** Left rows {@code [from, to)} as a stream of bids: distinct strings (some not ASCII, some null), rising times. */
    private static List<List<Object>> distinctStrings(int from, int to) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String value = i % 97 == 0 ? null : (i % 13 == 0 ? "\u00fcber " : "extra ") + i;
            rows.add(row((long) i % 5_000, value, (long) i));
        }
        return rows;
    }

    @Test
    void whenManyStoredRowsCarryDistinctStrings_thenTheyStillMatchAndRestoreOnceKeptPacked() throws Exception {
        // Enough rows, rarely matched, with strings made per row: the join's later partitions keep them packed, and
        // the first, made before it could judge, as objects.
        OperatorTestHarness h = OperatorTestHarness.forOperator(regular(null).expireRows(0, 2, 10_000 - 1))
                .input(0, SIDE).input(1, SIDE).output(JOINED).chunkSize(1024).open();
        List<List<Object>> stored = distinctStrings(0, 100);
        h.pushRows(0, stored);
        List<List<Object>> many = distinctStrings(100, 20_000);
        h.pushRows(0, many);
        stored.addAll(many);
        List<List<Object>> after = distinctStrings(20_000, 21_000);
        List<List<Object>> right = new ArrayList<>();
        for (long key = 0; key < 40; key++) {
            right.add(row(key, "r" + key, 1_000L));
        }

        OperatorStateData state = SnapshotHarness.snapshotThenMutate(h.operator(), 1, () -> h.pushRows(0, after));
        OperatorTestHarness restored = OperatorTestHarness.forOperator(regular(null).expireRows(0, 2,
                10_000 - 1)).input(0, SIDE).input(1, SIDE).output(JOINED).chunkSize(1024)
                .restoredFrom(SnapshotHarness.restore(List.of(state), 1).get(0)).open();
        restored.pushRows(1, right);
        h.pushRows(1, right);
        List<List<Object>> all = new ArrayList<>(stored);
        all.addAll(after);

        assertThat(restored.finish()).containsExactlyInAnyOrderElementsOf(reference(stored, right));
        assertThat(h.finish()).containsExactlyInAnyOrderElementsOf(reference(all, right));
    }

    @Test
    void whenWindowJoinIsRestored_thenTheWatermarkFloorKeepsClosedWindowsClosed() throws Exception {
        OperatorTestHarness h = open(windowed());
        h.push(0, row(1L, "a", 20L)).watermark(15);
        OperatorStateData state = h.snapshot(1);
        h.close();

        OperatorTestHarness restored = OperatorTestHarness.forOperator(windowed()).input(0, SIDE).input(1, SIDE)
                .output(JOINED).restoredFrom(SnapshotHarness.restore(List.of(state), 1).get(0)).open();
        restored.push(1, row(1L, "late", 10L), row(1L, "x", 20L));

        assertThat(restored.finish()).containsExactly(row(1L, "a", 20L, 1L, "x", 20L));
        assertThat(restored.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }

    private static List<OperatorTestHarness> subtasks(int parallelism, List<StateReader> restored) throws Exception {
        List<OperatorTestHarness> harnesses = new ArrayList<>();
        for (int s = 0; s < parallelism; s++) {
            OperatorTestHarness.Builder builder = OperatorTestHarness.forOperator(regular(null))
                    .input(0, SIDE).input(1, SIDE).output(JOINED).subtask(s, parallelism);
            if (restored != null) {
                builder.restoredFrom(restored.get(s));
            }
            harnesses.add(builder.open());
        }
        return harnesses;
    }

    /** Each row to the subtask the hash exchange would route its key to. */
    private static void feed(List<OperatorTestHarness> subtasks, int input, List<List<Object>> rows)
            throws Exception {
        for (List<Object> row : rows) {
            Chunk one = Chunks.of(SIDE, row);
            subtasks.get(SnapshotHarness.subtaskOf(one, 0, new int[] {0}, subtasks.size())).push(input, one);
        }
    }
}
