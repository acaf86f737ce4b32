package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.Operator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.HashAggregateOperator;
import io.weir.executor.operators.OperatorTestHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowAggregateOperatorTest {

    private static final DataType MILLIS = DataType.BIGINT;
    /** Input of the aggregate: key, value, window_start, window_end (what a window TVF appends, minus window_time). */
    private static final List<DataType> INPUT = List.of(DataType.STRING, DataType.BIGINT, MILLIS, MILLIS);
    private static final int[] GROUP_KEYS = {2, 3, 0};
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 1, -1, false, DataType.BIGINT, DataType.BIGINT));
    private static final List<DataType> OUTPUT = List.of(MILLIS, MILLIS, DataType.STRING, DataType.BIGINT,
            DataType.BIGINT);

    private static OperatorTestHarness harness(TimeKind time) throws Exception {
        return OperatorTestHarness.forOperator(new WindowAggregateOperator(GROUP_KEYS, 2, 3, INPUT, CALLS, time))
                .input(INPUT).output(OUTPUT).processingTime(0).open();
    }

    @Test
    void whenTheWatermarkReachesTheLastMillisecondOfAWindow_thenItFiresOnceThenTheWatermarkFollows()
            throws Exception {
        OperatorTestHarness h = harness(TimeKind.EVENT);

        h.push(0, row("a", 1L, 0L, 10L), row("b", 2L, 0L, 10L), row("a", 3L, 0L, 10L), row("a", 4L, 10L, 20L));
        h.watermark(8);
        assertThat(h.rows()).isEmpty();

        h.watermark(9);
        assertThat(h.rows()).containsExactlyInAnyOrder(row(0L, 10L, "a", 2L, 4L), row(0L, 10L, "b", 1L, 2L));
        List<StreamElement> elements = h.elements();
        assertThat(elements.get(elements.size() - 1)).isEqualTo(new Watermark(9));
        assertThat(elements.get(elements.size() - 2)).isInstanceOf(Chunk.class);

        h.watermark(15);
        assertThat(h.rows()).hasSize(2);
        assertThat(h.rowKinds()).containsOnly(io.weir.executor.data.RowKind.INSERT);
    }

    @Test
    void whenOneWatermarkClosesSeveralWindows_thenTheyAreEmittedInWindowEndOrder() throws Exception {
        OperatorTestHarness h = harness(TimeKind.EVENT);

        h.push(0, row("a", 1L, 10L, 30L), row("a", 1L, 0L, 20L), row("a", 1L, 20L, 40L), row("a", 1L, -10L, 10L));
        h.watermark(35);

        assertThat(h.rows()).extracting(r -> r.get(1)).containsExactly(10L, 20L, 30L);
    }

    @Test
    void whenNoRowFallsIntoAWindow_thenNothingIsEmittedForIt() throws Exception {
        OperatorTestHarness h = harness(TimeKind.EVENT);

        h.push(0, row("a", 1L, 0L, 10L)).watermark(100);
        h.push(0, row("a", 1L, 200L, 210L)).watermark(1000);

        assertThat(h.finish()).extracting(r -> r.get(0)).containsExactly(0L, 200L);
    }

    @Test
    void whenARowArrivesForAWindowThatHasFired_thenItIsDroppedAndCounted() throws Exception {
        OperatorTestHarness h = harness(TimeKind.EVENT);

        h.push(0, row("a", 1L, 0L, 10L)).watermark(9);
        h.push(0, row("a", 5L, 0L, 10L), row("a", 7L, 10L, 20L));

        assertThat(h.finish()).containsExactly(row(0L, 10L, "a", 1L, 1L), row(10L, 20L, "a", 1L, 7L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }

    @Test
    void whenTheInputEnds_thenEveryOpenWindowFires() throws Exception {
        OperatorTestHarness h = harness(TimeKind.EVENT);

        h.push(0, row("a", 1L, 0L, 10L), row("b", 1L, 10L, 20L));

        assertThat(h.finish()).hasSize(2);
    }

    @Test
    void whenManySmallWindowsFireTogether_thenTheirRowsArePackedIntoFullChunks() throws Exception {
        OperatorTestHarness h = harness(TimeKind.EVENT);
        List<List<Object>> rows = new ArrayList<>();
        for (long w = 0; w < 7; w++) {
            rows.add(row("k", w, w * 10, w * 10 + 10));
        }
        h.pushRows(0, rows).watermark(1000);

        assertThat(h.chunks()).extracting(Chunk::size).containsExactly(3, 3, 1);
    }

    @Test
    void whenProcessingTime_thenAWindowFiresWhenTheClockReachesItsEnd() throws Exception {
        OperatorTestHarness h = harness(TimeKind.PROCESSING);

        h.push(0, row("a", 1L, 0L, 1000L), row("a", 2L, 1000L, 2000L));
        h.watermark(5000);
        assertThat(h.rows()).isEmpty();

        h.processingTime(999);
        assertThat(h.rows()).isEmpty();
        h.processingTime(1000);
        assertThat(h.rows()).containsExactly(row(0L, 1000L, "a", 1L, 1L));
        h.processingTime(2500);
        assertThat(h.rows()).containsExactly(row(0L, 1000L, "a", 1L, 1L), row(1000L, 2000L, "a", 1L, 2L));
        assertThat(h.watermarks()).containsExactly(new Watermark(5000));
    }

    @Test
    void whenTheGroupKeysLackTheWindowEnd_thenTheOperatorIsRejected() {
        assertThatThrownBy(() -> new WindowAggregateOperator(new int[] {0, 2}, 2, 3, INPUT, CALLS, TimeKind.EVENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window_end");
    }

    // ---- the window TVF and the window aggregate together, against the batch hash aggregate -------------------

    /** key, rowtime, value, flag; the TVF appends window_start (4), window_end (5), window_time (6). */
    private static final List<DataType> EVENTS = List.of(DataType.STRING, MILLIS, DataType.BIGINT, DataType.BOOLEAN);
    private static final List<DataType> WINDOWED = List.of(DataType.STRING, MILLIS, DataType.BIGINT,
            DataType.BOOLEAN, MILLIS, MILLIS, MILLIS);
    private static final int[] WINDOW_KEYS = {4, 5, 0};
    private static final List<AggregateCall> ALL_CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MAX, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.AVG, 2, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, 2, -1, true, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 2, 3, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MIN, 1, -1, false, MILLIS, MILLIS));

    private static List<DataType> windowedOutput() {
        List<DataType> types = new ArrayList<>(List.of(MILLIS, MILLIS, DataType.STRING));
        ALL_CALLS.forEach(c -> types.add(c.resultType()));
        return types;
    }

    /**
     * Events with bounded disorder: each row's time is a non-decreasing base plus up to {@code delay}, and a
     * watermark placed after a row is that row's base minus one, so no later row is late.
     */
    private static List<Object> randomEvents(Random random, int count, long delay) {
        List<Object> script = new ArrayList<>();
        long base = -60 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            base += random.nextInt(4);
            long time = base + random.nextInt((int) delay + 1);
            script.add(row("k" + random.nextInt(3), time, random.nextInt(4) == 0 ? null : (long) random.nextInt(50),
                    random.nextBoolean()));
            if (random.nextInt(4) == 0) {
                script.add(new Watermark(base - 1));
            }
        }
        return script;
    }

    /** Pushes the script's rows and watermarks through a TVF then the aggregate; returns the aggregate's harness. */
    @SuppressWarnings("unchecked")
    private static OperatorTestHarness stream(WindowSpec spec, List<Object> script, int chunkSize) throws Exception {
        OperatorTestHarness tvf = OperatorTestHarness.forOperator(new WindowTableFunctionOperator(spec, 1, true))
                .input(EVENTS).chunkSize(chunkSize).open();
        List<List<?>> pending = new ArrayList<>();
        for (Object step : script) {
            if (step instanceof Watermark watermark) {
                tvf.pushRows(0, pending);
                pending.clear();
                tvf.watermark(watermark.timestamp());
            } else {
                pending.add((List<Object>) step);
            }
        }
        tvf.pushRows(0, pending);
        tvf.finish();
        Operator aggregate = new WindowAggregateOperator(WINDOW_KEYS, 4, 5, WINDOWED, ALL_CALLS, TimeKind.EVENT);
        OperatorTestHarness h = OperatorTestHarness.forOperator(aggregate)
                .input(WINDOWED).output(windowedOutput()).chunkSize(chunkSize).open();
        for (StreamElement element : tvf.elements()) {
            if (element instanceof Chunk chunk) {
                h.push(0, chunk);
            } else {
                h.watermark(((Watermark) element).timestamp());
            }
        }
        h.watermark(Long.MAX_VALUE);
        return h;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> batch(WindowSpec spec, List<Object> script) throws Exception {
        OperatorTestHarness tvf = OperatorTestHarness.forOperator(new WindowTableFunctionOperator(spec, 1, false))
                .input(EVENTS).chunkSize(1024).open();
        for (Object step : script) {
            if (!(step instanceof Watermark)) {
                tvf.push(0, (List<Object>) step);
            }
        }
        OperatorTestHarness aggregate = OperatorTestHarness.forOperator(
                        new HashAggregateOperator(WINDOW_KEYS, WINDOWED, ALL_CALLS))
                .input(WINDOWED).output(windowedOutput()).chunkSize(1024).open();
        for (Chunk chunk : tvf.chunks()) {
            aggregate.push(0, chunk);
        }
        return aggregate.finish();
    }

    @Test
    void whenWatermarksFallAnywhereWithinTheBound_thenWindowResultsEqualTheBatchAggregate() throws Exception {
        Random random = new Random(42);
        List<WindowSpec> specs = List.of(
                WindowSpec.tumble(10, 0, TimeKind.EVENT),
                WindowSpec.tumble(7, 3, TimeKind.EVENT),
                WindowSpec.hop(12, 4, 0, TimeKind.EVENT),
                WindowSpec.hop(10, 3, -2, TimeKind.EVENT),
                WindowSpec.cumulate(12, 3, 5, TimeKind.EVENT));
        for (int round = 0; round < 40; round++) {
            WindowSpec spec = specs.get(round % specs.size());
            List<Object> script = randomEvents(random, 5 + random.nextInt(60), random.nextInt(15));
            int chunkSize = 1 + random.nextInt(5);

            OperatorTestHarness streaming = stream(spec, script, chunkSize);

            assertThat(streaming.rows()).as("round %d, %s", round, spec)
                    .containsExactlyInAnyOrderElementsOf(batch(spec, script));
            assertThat(streaming.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isZero();
            streaming.finish();
        }
    }

    @Test
    void whenStreaming_thenEachWindowIsEmittedRightBeforeTheWatermarkThatClosesIt() throws Exception {
        Random random = new Random(5);
        List<Object> script = randomEvents(random, 80, 6);

        OperatorTestHarness h = stream(WindowSpec.hop(10, 5, 0, TimeKind.EVENT), script, 2);

        long previous = Long.MIN_VALUE;
        List<Long> endsSincePrevious = new ArrayList<>();
        for (StreamElement element : h.elements()) {
            if (element instanceof Watermark w) {
                // Everything emitted just before this watermark is closed by it, and was not by the one before.
                for (long end : endsSincePrevious) {
                    assertThat(end - 1).isLessThanOrEqualTo(w.timestamp()).isGreaterThan(previous);
                }
                endsSincePrevious.clear();
                previous = w.timestamp();
            } else {
                Chunk chunk = (Chunk) element;
                for (int r = 0; r < chunk.size(); r++) {
                    endsSincePrevious.add(chunk.longColumn(1).get(r));
                }
            }
        }
        assertThat(endsSincePrevious).isEmpty();
    }
}
