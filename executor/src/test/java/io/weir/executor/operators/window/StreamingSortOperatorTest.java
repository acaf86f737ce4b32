package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.data.DataType;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.operators.SortOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingSortOperatorTest {

    private static final DataType MILLIS = DataType.BIGINT;
    /** rowtime, key, payload. */
    private static final List<DataType> TYPES = List.of(MILLIS, DataType.STRING, DataType.BIGINT);

    private static OperatorTestHarness harness(int[] keys, boolean[] descending, boolean[] nullsFirst, long fetch)
            throws Exception {
        return OperatorTestHarness.forOperator(
                        new StreamingSortOperator(0, keys, descending, nullsFirst, fetch, TYPES))
                .input(TYPES).output(TYPES).open();
    }

    private static OperatorTestHarness byTime(long fetch) throws Exception {
        return harness(new int[0], new boolean[0], new boolean[0], fetch);
    }

    @Test
    void whenTheWatermarkPassesBufferedRows_thenTheyAreEmittedInRowtimeOrderBeforeTheWatermark() throws Exception {
        OperatorTestHarness h = byTime(-1);

        h.push(0, row(5L, "a", 1L), row(2L, "b", 2L), row(9L, "c", 3L), row(4L, "d", 4L));
        assertThat(h.rows()).isEmpty();

        h.watermark(5);
        assertThat(h.rows()).extracting(r -> r.get(0)).containsExactly(2L, 4L, 5L);
        List<StreamElement> elements = h.elements();
        assertThat(elements.get(elements.size() - 1)).isEqualTo(new Watermark(5));

        h.push(0, row(7L, "e", 5L)).watermark(8);
        assertThat(h.finish()).extracting(r -> r.get(0)).containsExactly(2L, 4L, 5L, 7L, 9L);
    }

    @Test
    void whenRowtimesTie_thenTheOtherKeysOrderThemAndThenArrival() throws Exception {
        OperatorTestHarness h = harness(new int[] {1}, new boolean[] {true}, new boolean[] {true}, -1);

        h.push(0, row(1L, "a", 1L), row(1L, "b", 2L), row(1L, null, 3L), row(1L, "b", 4L), row(0L, "a", 5L));

        assertThat(h.finish()).extracting(r -> r.get(2)).containsExactly(5L, 3L, 2L, 4L, 1L);
    }

    @Test
    void whenLateRowArrives_thenDroppedAndCounted() throws Exception {
        OperatorTestHarness h = byTime(-1);

        h.watermark(10).push(0, row(10L, "late", 1L), row(3L, "late", 2L), row(11L, "ok", 3L), row(null, "x", 4L));

        assertThat(h.finish()).containsExactly(row(11L, "ok", 3L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(2);
    }

    @Test
    void whenTheFetchIsEmitted_thenTheOperatorIsFinished() throws Exception {
        StreamingSortOperator sort = new StreamingSortOperator(0, new int[0], new boolean[0], new boolean[0], 2, TYPES);
        OperatorTestHarness h = OperatorTestHarness.forOperator(sort).input(TYPES).output(TYPES).open();

        h.push(0, row(2L, "a", 1L), row(1L, "b", 2L), row(3L, "c", 3L));
        assertThat(sort.isFinished()).as("rows wait for the watermark").isFalse();
        h.watermark(1);
        assertThat(sort.isFinished()).as("one of two rows emitted").isFalse();
        h.watermark(2);
        assertThat(sort.isFinished()).isTrue();
        assertThat(h.rows()).extracting(r -> r.get(0)).containsExactly(1L, 2L);
    }

    @Test
    void whenAFetchIsGiven_thenAtMostThatManyRowsAreEmittedAcrossWatermarks() throws Exception {
        OperatorTestHarness h = byTime(3);

        h.push(0, row(2L, "a", 1L), row(1L, "b", 2L)).watermark(5);
        h.push(0, row(7L, "c", 3L), row(6L, "d", 4L)).watermark(10);
        h.push(0, row(12L, "e", 5L)).watermark(20);

        assertThat(h.finish()).extracting(r -> r.get(0)).containsExactly(1L, 2L, 6L);
        assertThat(h.watermarks()).extracting(Watermark::timestamp).containsExactly(5L, 10L, 20L);
    }

    @Test
    void whenTheInputEnds_thenEveryBufferedRowIsEmitted() throws Exception {
        OperatorTestHarness h = byTime(-1);

        h.push(0, row(3L, "a", 1L), row(1L, "b", 2L));

        assertThat(h.finish()).extracting(r -> r.get(0)).containsExactly(1L, 3L);
    }

    @Test
    void whenTheRowtimeKeyIsDescending_thenTheOperatorIsRejected() {
        assertThatThrownBy(() -> new StreamingSortOperator(0, new int[] {0}, new boolean[] {true},
                new boolean[] {false}, -1, TYPES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenWatermarksFallAnywhereWithinTheBound_thenTheOutputEqualsTheBatchSort() throws Exception {
        Random random = new Random(3);
        int[] keys = {0, 1, 2};
        boolean[] descending = {false, true, false};
        boolean[] nullsFirst = {false, false, true};
        for (int round = 0; round < 30; round++) {
            long fetch = random.nextInt(3) == 0 ? random.nextInt(40) : -1;
            int count = round == 0 ? 5000 : 1 + random.nextInt(120);
            int delay = random.nextInt(10);
            OperatorTestHarness streaming = OperatorTestHarness.forOperator(
                            new StreamingSortOperator(0, new int[] {1, 2}, new boolean[] {true, false},
                                    new boolean[] {false, true}, fetch, TYPES))
                    .input(TYPES).output(TYPES).chunkSize(1 + random.nextInt(6)).open();
            OperatorTestHarness batch = OperatorTestHarness.forOperator(
                            new SortOperator(keys, descending, nullsFirst, 0, fetch, TYPES))
                    .input(TYPES).output(TYPES).open();
            long base = -20;
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                base += random.nextInt(3);
                List<Object> r = row(base + random.nextInt(delay + 1),
                        random.nextInt(5) == 0 ? null : "k" + random.nextInt(3),
                        random.nextInt(5) == 0 ? null : (long) random.nextInt(4));
                rows.add(r);
                streaming.push(0, r);
                if (random.nextInt(6) == 0) {
                    streaming.watermark(base - 1);
                }
            }
            batch.pushRows(0, rows);

            assertThat(streaming.finish()).as("round %d, fetch %d", round, fetch).isEqualTo(batch.finish());
            assertThat(streaming.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isZero();
        }
    }
}
