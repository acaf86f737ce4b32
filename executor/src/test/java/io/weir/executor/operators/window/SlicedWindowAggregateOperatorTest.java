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

class SlicedWindowAggregateOperatorTest {

    /** key, value, a double, a flag, rowtime. */
    private static final List<DataType> INPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.DOUBLE,
            DataType.BOOLEAN, DataType.BIGINT);
    /** The window table function's output: the input, then window_start, window_end, window_time. */
    private static final List<DataType> WINDOWED = List.of(DataType.STRING, DataType.BIGINT, DataType.DOUBLE,
            DataType.BOOLEAN, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT);
    private static final int[] KEYS = {0};
    private static final int[] OUTPUT_KEYS = {SlicedWindowAggregateOperator.WINDOW_START,
            SlicedWindowAggregateOperator.WINDOW_END, 0};
    /** Every mergeable accumulator kind (ANY_VALUE aside: which value it keeps depends on the order). */
    private static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT, 1, 3, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.SUM, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.AVG, 2, -1, false, DataType.DOUBLE, DataType.DOUBLE),
            new AggregateCall(AggregateKind.MAX, 1, -1, false, DataType.BIGINT, DataType.BIGINT),
            new AggregateCall(AggregateKind.MIN, 2, -1, false, DataType.DOUBLE, DataType.DOUBLE),
            new AggregateCall(AggregateKind.MIN, 0, -1, false, DataType.STRING, DataType.STRING),
            new AggregateCall(AggregateKind.EVERY, 3, -1, false, DataType.BOOLEAN, DataType.BOOLEAN));
    private static final List<DataType> OUTPUT = List.of(DataType.BIGINT, DataType.BIGINT, DataType.STRING,
            DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.DOUBLE, DataType.BIGINT, DataType.DOUBLE,
            DataType.STRING, DataType.BOOLEAN);
    private static final int ROWS = 420;

    /** Row i: 7 keys, values with nulls, rowtime about i / 3 out of order by a few ms; every 37th row is late. */
    private static List<Object> input(int i) {
        long time = i % 37 == 36 ? i / 3 - 40 : i / 3 + (i * 7L) % 5;
        Long value = i % 11 == 0 ? null : (long) (i % 4);
        Double dbl = i % 13 == 0 ? null : (i % 9) * 0.5;
        return row("k" + i % 7, value, dbl, i % 17 != 0, time);
    }

    private static long watermarkAfter(int i) {
        return i % 12 == 11 ? i / 3 - 5 : Long.MIN_VALUE;
    }

    /** What the window table function followed by the window aggregate give for the same rows and watermarks. */
    private static List<List<Object>> reference(WindowSpec spec) throws Exception {
        return reference(spec, new int[] {5, 6, 0}, OUTPUT);
    }

    private static List<List<Object>> reference(WindowSpec spec, int[] groupKeys, List<DataType> output)
            throws Exception {
        OperatorTestHarness windows = OperatorTestHarness.forOperator(new WindowTableFunctionOperator(spec, 4, true))
                .input(INPUT).output(WINDOWED).open();
        OperatorTestHarness aggregate = OperatorTestHarness.forOperator(
                        new WindowAggregateOperator(groupKeys, 5, 6, WINDOWED, CALLS, TimeKind.EVENT))
                .input(WINDOWED).output(output).open();
        int forwarded = 0;
        for (int from = 0; from < ROWS; from += 5) {
            List<List<?>> rows = new ArrayList<>();
            for (int i = from; i < from + 5; i++) {
                rows.add(input(i));
            }
            windows.pushRows(0, rows);
            for (; forwarded < windows.chunks().size(); forwarded++) {
                aggregate.push(0, windows.chunks().get(forwarded));
            }
            long watermark = watermarkAfter(from + 4);
            if (watermark != Long.MIN_VALUE) {
                windows.watermark(watermark);
                aggregate.watermark(watermark);
            }
        }
        return aggregate.finish();
    }

    /** Rows {@code [from, to)} to one subtask, as {@link Subtasks#feed} and {@link #reference} feed them. */
    private static void feedOne(OperatorTestHarness harness, int from, int to) throws Exception {
        for (int start = from; start < to; start += 5) {
            List<List<?>> rows = new ArrayList<>();
            for (int i = start; i < Math.min(start + 5, to); i++) {
                rows.add(input(i));
            }
            harness.pushRows(0, rows);
            long watermark = watermarkAfter(start + 4);
            if (watermark != Long.MIN_VALUE) {
                harness.watermark(watermark);
            }
        }
    }

    /** Subtasks of the sliced operator at one parallelism, fed as a hash exchange on the key would feed them. */
    private static final class Subtasks {
        final List<OperatorTestHarness> harnesses = new ArrayList<>();

        Subtasks(WindowSpec spec, int parallelism, List<StateReader> restored) throws Exception {
            for (int s = 0; s < parallelism; s++) {
                OperatorTestHarness.Builder builder = OperatorTestHarness.forOperator(
                                new SlicedWindowAggregateOperator(spec, 4, KEYS, OUTPUT_KEYS, INPUT, CALLS))
                        .input(INPUT).output(OUTPUT).subtask(s, parallelism);
                if (restored != null) {
                    builder.restoredFrom(restored.get(s));
                }
                harnesses.add(builder.open());
            }
        }

        /** Rows {@code [from, to)} in chunks of up to 5 rows per subtask, with the watermarks of {@link #watermarkAfter}. */
        void feed(int from, int to) throws Exception {
            for (int start = from; start < to; start += 5) {
                List<List<List<?>>> bySubtask = new ArrayList<>();
                harnesses.forEach(h -> bySubtask.add(new ArrayList<>()));
                for (int i = start; i < Math.min(start + 5, to); i++) {
                    Chunk one = Chunks.of(INPUT, input(i));
                    bySubtask.get(SnapshotHarness.subtaskOf(one, 0, KEYS, harnesses.size())).add(input(i));
                }
                for (int s = 0; s < harnesses.size(); s++) {
                    if (!bySubtask.get(s).isEmpty()) {
                        harnesses.get(s).pushRows(0, bySubtask.get(s));
                    }
                }
                long watermark = watermarkAfter(start + 4);
                if (watermark != Long.MIN_VALUE) {
                    for (OperatorTestHarness h : harnesses) {
                        h.watermark(watermark);
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

    private static final List<WindowSpec> SPECS = List.of(
            WindowSpec.hop(10, 4, 0, TimeKind.EVENT),
            WindowSpec.hop(12, 3, 1, TimeKind.EVENT),
            WindowSpec.hop(6, 6, 0, TimeKind.EVENT),
            WindowSpec.tumble(10, 3, TimeKind.EVENT));

    @Test
    void whenRowsComeWithWatermarksAndLateRows_thenTheResultIsThatOfTheWindowFunctionAndWindowAggregate()
            throws Exception {
        for (WindowSpec spec : SPECS) {
            List<List<Object>> expected = reference(spec);
            assertThat(expected).as("%s", spec).hasSizeGreaterThan(50);
            Subtasks run = new Subtasks(spec, 1, null);
            run.feed(0, ROWS);
            assertThat(run.finish()).as("%s", spec).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void whenThereIsNoKeyButTheWindow_thenEachWindowIsOneGroupAsInTheWindowAggregate() throws Exception {
        List<DataType> output = new ArrayList<>(OUTPUT.subList(0, 2));
        output.addAll(OUTPUT.subList(3, OUTPUT.size()));
        int[] windowOnly = {SlicedWindowAggregateOperator.WINDOW_START, SlicedWindowAggregateOperator.WINDOW_END};
        for (WindowSpec spec : SPECS) {
            List<List<Object>> expected = reference(spec, new int[] {5, 6}, output);
            OperatorTestHarness first = OperatorTestHarness.forOperator(
                    new SlicedWindowAggregateOperator(spec, 4, new int[0], windowOnly, INPUT, CALLS))
                    .input(INPUT).output(output).open();
            int split = 200;
            feedOne(first, 0, split);
            List<List<Object>> rows = new ArrayList<>(first.rows());
            OperatorTestHarness second = OperatorTestHarness.forOperator(
                    new SlicedWindowAggregateOperator(spec, 4, new int[0], windowOnly, INPUT, CALLS))
                    .input(INPUT).output(output)
                    .restoredFrom(SnapshotHarness.restore(List.of(first.snapshot(1)), 1).get(0)).open();
            feedOne(second, split, ROWS);
            rows.addAll(second.finish());
            assertThat(rows).as("%s", spec).hasSizeGreaterThan(10).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void whenAWatermarkClosesAWindow_thenItIsEmittedThenAndItsLateRowsAreDroppedAndCounted() throws Exception {
        OperatorTestHarness harness = OperatorTestHarness.forOperator(new SlicedWindowAggregateOperator(
                        WindowSpec.hop(4, 2, 0, TimeKind.EVENT), 4, KEYS, OUTPUT_KEYS, INPUT, CALLS))
                .input(INPUT).output(OUTPUT).open();
        harness.push(0, row("a", 1L, 1.0, true, 1L), row("a", 2L, 1.0, true, 3L)).watermark(1);

        assertThat(harness.rows()).extracting(r -> List.of(r.get(0), r.get(1), r.get(3)))
                .containsExactly(List.of(-2L, 2L, 1L));
        harness.push(0, row("a", 9L, 1.0, true, 1L));
        assertThat(harness.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
        assertThat(harness.finish()).extracting(r -> List.of(r.get(0), r.get(1), r.get(3)))
                .containsExactly(List.of(-2L, 2L, 1L), List.of(0L, 4L, 2L), List.of(2L, 6L, 1L));
    }

    @Test
    void whenRestoredAtTheSameOrAnotherParallelism_thenTheResultEqualsAnUninterruptedRun() throws Exception {
        WindowSpec spec = SPECS.get(0);
        Subtasks whole = new Subtasks(spec, 1, null);
        whole.feed(0, ROWS);
        List<List<Object>> expected = whole.finish();
        for (int[] p : new int[][] {{1, 1}, {2, 2}, {2, 1}, {1, 3}, {3, 2}}) {
            for (int split : new int[] {0, 100, 215}) {
                Subtasks first = new Subtasks(spec, p[0], null);
                first.feed(0, split);
                List<List<Object>> rows = first.rows();
                Subtasks second = new Subtasks(spec, p[1], SnapshotHarness.restore(first.snapshot(), p[1]));
                second.feed(split, ROWS);
                rows.addAll(second.finish());
                assertThat(rows).as("p%d -> p%d after %d rows", p[0], p[1], split)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void whenTheOperatorMovesOnAfterASnapshot_thenTheSnapshotStillHoldsTheStateAtTheBarrier() throws Exception {
        WindowSpec spec = SPECS.get(1);
        Subtasks whole = new Subtasks(spec, 1, null);
        whole.feed(0, ROWS);
        List<List<Object>> expected = whole.finish();

        Subtasks first = new Subtasks(spec, 1, null);
        first.feed(0, 150);
        List<List<Object>> rows = first.rows();
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(first.harnesses.get(0).operator(), 1,
                () -> first.feed(150, 250));
        Subtasks second = new Subtasks(spec, 1, SnapshotHarness.restore(List.of(state), 1));
        second.feed(150, ROWS);
        rows.addAll(second.finish());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void whenASubtaskThatWasAheadIsMergedIntoOneBehind_thenNoWindowOfItsKeysIsEmittedTwice() throws Exception {
        WindowSpec spec = WindowSpec.hop(4, 2, 0, TimeKind.EVENT);
        Subtasks first = new Subtasks(spec, 2, null);
        Chunk a = Chunks.of(INPUT, row("a", 1L, 1.0, true, 1L));
        int ownerOfA = SnapshotHarness.subtaskOf(a, 0, KEYS, 2);
        // A second key that the other subtask owns, so that only one of the two subtasks is ahead.
        String other = "b";
        while (SnapshotHarness.subtaskOf(Chunks.of(INPUT, row(other, 2L, 1.0, true, 1L)), 0, KEYS, 2) == ownerOfA) {
            other = other + "b";
        }
        first.harnesses.get(ownerOfA).push(0, a).watermark(1);
        first.harnesses.get(1 - ownerOfA).push(0, row(other, 2L, 1.0, true, 1L));
        List<List<Object>> rows = first.rows();
        assertThat(rows).extracting(r -> List.of(r.get(1), r.get(2))).containsExactly(List.of(2L, "a"));

        Subtasks second = new Subtasks(spec, 1, SnapshotHarness.restore(first.snapshot(), 1));
        rows.addAll(second.finish());

        assertThat(rows).extracting(r -> List.of(r.get(1), r.get(2))).containsExactlyInAnyOrder(
                List.of(2L, "a"), List.of(2L, other), List.of(4L, "a"), List.of(4L, other));
    }
}
