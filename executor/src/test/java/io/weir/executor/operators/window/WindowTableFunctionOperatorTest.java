package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Watermark;
import io.weir.executor.operators.Chunks;
import io.weir.executor.operators.OperatorTestHarness;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTableFunctionOperatorTest {

    /** Rowtimes as raw epoch millis (TIMESTAMP(3) has the same vectors), so tests read as numbers. */
    private static final DataType MILLIS = DataType.BIGINT;
    private static final List<DataType> INPUT = List.of(DataType.STRING, MILLIS);
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, MILLIS, MILLIS, MILLIS, MILLIS);

    private static OperatorTestHarness harness(WindowSpec spec, boolean dropLate) throws Exception {
        return OperatorTestHarness.forOperator(new WindowTableFunctionOperator(spec, 1, dropLate))
                .input(INPUT).output(OUTPUT).open();
    }

    @Test
    void whenTumbling_thenEachRowGetsItsWindowStartEndAndTime() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.tumble(10, 0, TimeKind.EVENT), true);

        h.push(0, row("a", 0L), row("b", 9L), row("c", 10L), row("d", -1L));

        assertThat(h.finish()).containsExactly(
                row("a", 0L, 0L, 10L, 9L),
                row("b", 9L, 0L, 10L, 9L),
                row("c", 10L, 10L, 20L, 19L),
                row("d", -1L, -10L, 0L, -1L));
    }

    @Test
    void whenRowtimeIsATimestamp_thenWindowColumnsAreTimestampsToo() throws Exception {
        List<DataType> input = List.of(DataType.TIMESTAMP);
        OperatorTestHarness h = OperatorTestHarness.forOperator(
                        new WindowTableFunctionOperator(WindowSpec.tumble(60_000, 0, TimeKind.EVENT), 0, false))
                .input(input)
                .output(List.of(DataType.TIMESTAMP, DataType.TIMESTAMP, DataType.TIMESTAMP, DataType.TIMESTAMP))
                .open();

        h.push(0, row(LocalDateTime.parse("2024-03-01T10:15:42.123")));

        assertThat(h.finish()).containsExactly(row(
                LocalDateTime.parse("2024-03-01T10:15:42.123"),
                LocalDateTime.parse("2024-03-01T10:15:00"),
                LocalDateTime.parse("2024-03-01T10:16:00"),
                LocalDateTime.parse("2024-03-01T10:15:59.999")));
    }

    @Test
    void whenAllRowsOfATumblingChunkCount_thenTheInputVectorsArePassedOnWithoutCopying() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.tumble(10, 0, TimeKind.EVENT), true);
        Chunk in = Chunks.of(INPUT, row("a", 1L), row("b", 2L), row("c", 3L));

        h.push(0, in);

        Chunk out = h.chunks().get(0);
        assertThat(out.column(0)).isSameAs(in.column(0));
        assertThat(out.column(1)).isSameAs(in.column(1));
        assertThat(h.finish()).hasSize(3);
    }

    @Test
    void whenHopping_thenEachRowIsRepeatedOncePerWindowAndChunksStayWithinTheChunkSize() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.hop(10, 5, 0, TimeKind.EVENT), true);

        h.push(0, row("a", 7L), row("b", 12L));

        assertThat(h.chunks()).allSatisfy(chunk -> assertThat(chunk.size()).isLessThanOrEqualTo(3));
        assertThat(h.finish()).containsExactly(
                row("a", 7L, 0L, 10L, 9L),
                row("a", 7L, 5L, 15L, 14L),
                row("b", 12L, 5L, 15L, 14L),
                row("b", 12L, 10L, 20L, 19L));
    }

    @Test
    void whenCumulatingWithAnOffset_thenRowsGetEveryGrowingWindowThatContainsThem() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.cumulate(30, 10, 5, TimeKind.EVENT), true);

        h.push(0, row("a", 17L), row("b", 4L));

        assertThat(h.finish()).containsExactly(
                row("a", 17L, 5L, 25L, 24L),
                row("a", 17L, 5L, 35L, 34L),
                row("b", 4L, -25L, 5L, 4L));
    }

    @Test
    void whenRowtimeIsNull_thenTheRowIsDroppedWithoutCountingItLate() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.tumble(10, 0, TimeKind.EVENT), true);

        h.push(0, row("a", null), row("b", 3L));

        assertThat(h.finish()).containsExactly(row("b", 3L, 0L, 10L, 9L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isZero();
    }

    @Test
    void whenLateRowArrives_thenDroppedAndCounted() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.tumble(10, 0, TimeKind.EVENT), true);

        h.push(0, row("early", 3L)).watermark(10);
        h.push(0, row("late", 9L), row("at watermark", 10L), row("on time", 11L));

        assertThat(h.finish()).extracting(r -> r.get(0)).containsExactly("early", "on time");
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(2);
    }

    @Test
    void whenLateRowsAreNotDropped_thenBatchModeKeepsThem() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.tumble(10, 0, TimeKind.EVENT), false);

        h.watermark(100).push(0, row("old", 5L));

        assertThat(h.finish()).containsExactly(row("old", 5L, 0L, 10L, 9L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isZero();
    }

    @Test
    void whenWatermarksArrive_thenTheyPassThroughUnchangedAndInOrder() throws Exception {
        OperatorTestHarness h = harness(WindowSpec.tumble(10, 0, TimeKind.EVENT), true);

        h.push(0, row("a", 1L)).watermark(5).push(0, row("b", 6L)).watermark(7);

        List<StreamElement> elements = h.elements();
        assertThat(elements).hasSize(4);
        assertThat(elements.get(1)).isEqualTo(new Watermark(5));
        assertThat(elements.get(3)).isEqualTo(new Watermark(7));
    }

    @Test
    void whenProcessingTime_thenWindowsComeFromTheClockAndTheTimeColumnIsIgnored() throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(
                        new WindowTableFunctionOperator(WindowSpec.tumble(1000, 0, TimeKind.PROCESSING), 1, true))
                .input(INPUT).output(OUTPUT).processingTime(5_500).open();

        h.push(0, row("a", null), row("b", 1L));
        h.processingTime(6_200).push(0, row("c", 99L));

        assertThat(h.finish()).containsExactly(
                row("a", null, 5_000L, 6_000L, 5_999L),
                row("b", 1L, 5_000L, 6_000L, 5_999L),
                row("c", 99L, 6_000L, 7_000L, 6_999L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isZero();
    }
}
