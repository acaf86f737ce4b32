package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.HashAggregateOperator;
import io.weir.executor.operators.OperatorTestHarness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionWindowAggregateOperatorTest {

    private static final DataType MILLIS = DataType.BIGINT;
    /** key, rowtime, value. */
    private static final List<DataType> INPUT = List.of(DataType.STRING, MILLIS, DataType.BIGINT);
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, -1, false, DataType.BIGINT, DataType.BIGINT));
    /** key, window_start, window_end, COUNT(*), SUM(value). */
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, MILLIS, MILLIS, DataType.BIGINT,
            DataType.BIGINT);

    private static OperatorTestHarness harness(long gap, boolean dropLate) throws Exception {
        return OperatorTestHarness.forOperator(
                        new SessionWindowAggregateOperator(new int[] {0}, 1, gap, INPUT, CALLS, dropLate))
                .input(INPUT).output(OUTPUT).open();
    }

    @Test
    void whenRowsAreLessThanTheGapApart_thenTheyFormOneSessionEndingAGapAfterTheLastRow() throws Exception {
        OperatorTestHarness h = harness(10, true);

        h.push(0, row("a", 0L, 1L), row("a", 5L, 2L), row("a", 14L, 4L), row("a", 30L, 8L));
        h.watermark(22);
        assertThat(h.rows()).isEmpty();

        h.watermark(23);
        assertThat(h.rows()).containsExactly(row("a", 0L, 24L, 3L, 7L));
        assertThat(h.finish()).containsExactly(row("a", 0L, 24L, 3L, 7L), row("a", 30L, 40L, 1L, 8L));
    }

    @Test
    void whenRowsAreExactlyTheGapApart_thenTheyAreInSeparateSessions() throws Exception {
        OperatorTestHarness h = harness(10, true);

        h.push(0, row("a", 0L, 1L), row("a", 10L, 2L));

        assertThat(h.finish()).containsExactly(row("a", 0L, 10L, 1L, 1L), row("a", 10L, 20L, 1L, 2L));
    }

    @Test
    void whenALaterRowBridgesTwoSessions_thenTheyMergeWithTheirAggregates() throws Exception {
        OperatorTestHarness h = harness(15, true);

        h.push(0, row("a", 0L, 1L), row("a", 20L, 2L), row("b", 10L, 100L));
        h.push(0, row("a", 2L, 4L));
        h.push(0, row("a", 10L, 8L));

        assertThat(h.finish()).containsExactlyInAnyOrder(row("a", 0L, 35L, 4L, 15L), row("b", 10L, 25L, 1L, 100L));
    }

    @Test
    void whenOneRowBridgesSessionsOpenedInTheSameChunk_thenTheyMergeToo() throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(
                        new SessionWindowAggregateOperator(new int[] {0}, 1, 10, INPUT, CALLS, true))
                .input(INPUT).output(OUTPUT).chunkSize(10).open();

        h.push(0, row("a", 0L, 1L), row("a", 30L, 2L), row("a", 15L, 4L), row("a", 8L, 8L), row("a", 22L, 16L));

        assertThat(h.finish()).containsExactly(row("a", 0L, 40L, 5L, 31L));
    }

    @Test
    void whenARowArrivesOutOfOrder_thenTheSessionStartsAtTheEarliestRow() throws Exception {
        OperatorTestHarness h = harness(10, true);

        h.push(0, row("a", 50L, 1L)).watermark(40).push(0, row("a", 45L, 1L));

        assertThat(h.finish()).containsExactly(row("a", 45L, 60L, 2L, 2L));
    }

    @Test
    void whenKeysDiffer_thenTheirSessionsNeverMergeAndNullKeysShareOne() throws Exception {
        OperatorTestHarness h = harness(10, true);

        h.push(0, row("a", 0L, 1L), row("b", 5L, 2L), row(null, 6L, 4L), row(null, 7L, 8L));

        assertThat(h.finish()).containsExactly(
                row("a", 0L, 10L, 1L, 1L), row("b", 5L, 15L, 1L, 2L), row(null, 6L, 17L, 2L, 12L));
    }

    @Test
    void whenLateRowArrives_thenDroppedAndCounted() throws Exception {
        OperatorTestHarness h = harness(10, true);

        h.push(0, row("a", 20L, 1L)).watermark(20).push(0, row("a", 20L, 2L), row("a", 15L, 4L), row("a", 21L, 8L));

        assertThat(h.finish()).containsExactly(row("a", 20L, 31L, 2L, 9L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(2);
    }

    @Test
    void whenLateRowsAreKept_thenBatchModeCountsThem() throws Exception {
        OperatorTestHarness h = harness(10, false);

        h.push(0, row("a", 20L, 1L)).watermark(20).push(0, row("a", 15L, 4L), row("a", null, 8L));

        assertThat(h.finish()).containsExactly(row("a", 15L, 30L, 2L, 5L));
    }

    @Test
    void whenAWatermarkClosesSeveralSessions_thenTheyAreEmittedInWindowEndOrderBeforeIt() throws Exception {
        OperatorTestHarness h = harness(10, true);

        h.push(0, row("c", 9L, 1L), row("a", 3L, 1L), row("b", 0L, 1L));
        h.watermark(100);

        assertThat(h.rows()).extracting(r -> r.get(2)).containsExactly(10L, 13L, 19L);
        assertThat(h.elements().get(h.elements().size() - 1)).isEqualTo(new Watermark(100));
    }

    @Test
    void whenSessionsWithDistinctAggregatesMerge_thenValuesSeenOnBothSidesCountOnce() throws Exception {
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateKind.COUNT, 2, -1, true, DataType.BIGINT, DataType.BIGINT),
                new AggregateCall(AggregateKind.SUM, 2, -1, true, DataType.BIGINT, DataType.BIGINT));
        OperatorTestHarness h = OperatorTestHarness.forOperator(
                        new SessionWindowAggregateOperator(new int[] {0}, 1, 10, INPUT, calls, true))
                .input(INPUT).output(OUTPUT).open();

        h.push(0, row("a", 0L, 1L), row("a", 2L, 2L), row("a", 2L, 2L), row("a", 16L, 2L), row("a", 17L, 3L));
        h.push(0, row("a", 9L, 1L), row("a", 9L, null));

        assertThat(h.finish()).containsExactly(row("a", 0L, 27L, 3L, 6L));
    }

    // ---- against a reference: sessions cut by sorting each key's rows, aggregated by the batch hash aggregate ---

    /** key, rowtime, value, flag. */
    private static final List<DataType> EVENTS = List.of(DataType.STRING, MILLIS, DataType.BIGINT, DataType.BOOLEAN);
    private static final List<AggregateCall> ALL_CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, 2, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, 3, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, 3, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MIN, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MAX, 1, -1, false, MILLIS, MILLIS),
            new AggregateCall(AggregateKind.AVG, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, 2, -1, false, DataType.BIGINT, DataType.BIGINT));

    private static List<DataType> allOutput() {
        List<DataType> types = new ArrayList<>(List.of(DataType.STRING, MILLIS, MILLIS));
        ALL_CALLS.forEach(c -> types.add(c.resultType()));
        return types;
    }

    /** The reference: each key's rows sorted by time and cut where consecutive rows are a gap or more apart. */
    private static List<List<Object>> reference(List<List<Object>> rows, long gap) throws Exception {
        Map<Object, List<List<Object>>> byKey = new LinkedHashMap<>();
        for (List<Object> r : rows) {
            byKey.computeIfAbsent(r.get(0) == null ? "<null>" : r.get(0), k -> new ArrayList<>()).add(r);
        }
        List<List<Object>> sessionized = new ArrayList<>();
        for (List<List<Object>> keyRows : byKey.values()) {
            keyRows.sort(Comparator.comparing(r -> (Long) r.get(1)));
            int first = 0;
            for (int i = 1; i <= keyRows.size(); i++) {
                if (i == keyRows.size() || (Long) keyRows.get(i).get(1) - (Long) keyRows.get(i - 1).get(1) >= gap) {
                    long start = (Long) keyRows.get(first).get(1);
                    long end = (Long) keyRows.get(i - 1).get(1) + gap;
                    for (int j = first; j < i; j++) {
                        List<Object> r = keyRows.get(j);
                        sessionized.add(row(r.get(0), r.get(1), r.get(2), r.get(3), start, end));
                    }
                    first = i;
                }
            }
        }
        List<DataType> types = List.of(DataType.STRING, MILLIS, DataType.BIGINT, DataType.BOOLEAN, MILLIS, MILLIS);
        OperatorTestHarness batch = OperatorTestHarness.forOperator(
                        new HashAggregateOperator(new int[] {0, 4, 5}, types, ALL_CALLS))
                .input(types).output(allOutput()).chunkSize(1024).open();
        return batch.pushRows(0, sessionized).finish();
    }

    @Test
    void whenWatermarksFallAnywhereWithinTheBound_thenSessionsEqualTheReference() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 60; round++) {
            long gap = 1 + random.nextInt(8);
            int delay = random.nextInt(12);
            int chunkSize = 1 + random.nextInt(6);
            OperatorTestHarness h = OperatorTestHarness.forOperator(
                            new SessionWindowAggregateOperator(new int[] {0}, 1, gap, EVENTS, ALL_CALLS, true))
                    .input(EVENTS).output(allOutput()).chunkSize(chunkSize).open();
            List<List<Object>> rows = new ArrayList<>();
            long base = -30 + random.nextInt(10);
            int count = 5 + random.nextInt(80);
            for (int i = 0; i < count; i++) {
                base += random.nextInt(3);
                List<Object> r = row(random.nextInt(6) == 0 ? null : "k" + random.nextInt(3),
                        base + random.nextInt(delay + 1), random.nextInt(4) == 0 ? null : (long) random.nextInt(6),
                        random.nextInt(3) != 0);
                rows.add(r);
                h.push(0, r);
                if (random.nextInt(5) == 0) {
                    h.watermark(base - 1);
                }
            }
            h.watermark(Long.MAX_VALUE);

            assertThat(h.rows()).as("round %d, gap %d", round, gap).containsExactlyInAnyOrderElementsOf(
                    reference(rows, gap));
            assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isZero();
            h.finish();
        }
    }
}
