package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.DataType;
import io.weir.executor.operators.OperatorTestHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionWindowTableFunctionOperatorTest {

    /** Times as plain longs, so rows read as numbers (the operator sees only the long vector). */
    private static final DataType TS = DataType.BIGINT;
    /** key, rowtime, value. */
    private static final List<DataType> INPUT = List.of(DataType.STRING, TS, DataType.BIGINT);
    /** The input columns, then window_start, window_end, window_time. */
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, TS, DataType.BIGINT, TS, TS, TS);

    private static OperatorTestHarness harness(int[] keys, long gap, boolean dropLate) throws Exception {
        return OperatorTestHarness.forOperator(new SessionWindowTableFunctionOperator(keys, 1, gap, dropLate, INPUT))
                .input(INPUT).output(OUTPUT).open();
    }

    @Test
    void whenTheWatermarkPassesASessionsEnd_thenItsRowsAreEmittedWithTheWindowColumns() throws Exception {
        OperatorTestHarness h = harness(new int[] {0}, 10, true);

        h.push(0, row("a", 5L, 2L), row("a", 0L, 1L), row("b", 3L, 7L), row("a", 30L, 8L));
        h.watermark(13);
        assertThat(h.rows()).containsExactly(row("b", 3L, 7L, 3L, 13L, 12L));

        h.watermark(14);
        assertThat(h.rows()).containsExactly(row("b", 3L, 7L, 3L, 13L, 12L),
                row("a", 0L, 1L, 0L, 15L, 14L), row("a", 5L, 2L, 0L, 15L, 14L));
        assertThat(h.finish()).endsWith(row("a", 30L, 8L, 30L, 40L, 39L));
    }

    @Test
    void whenRowsAreExactlyTheGapApart_thenTheyAreInSeparateSessions() throws Exception {
        OperatorTestHarness h = harness(new int[] {0}, 10, true);

        h.push(0, row("a", 0L, 1L), row("a", 10L, 2L));

        assertThat(h.finish()).containsExactly(row("a", 0L, 1L, 0L, 10L, 9L), row("a", 10L, 2L, 10L, 20L, 19L));
    }

    @Test
    void whenARowArrivesAtOrBelowTheWatermark_thenItIsDroppedAndCounted() throws Exception {
        OperatorTestHarness h = harness(new int[] {0}, 10, true);

        h.watermark(20);
        h.push(0, row("a", 20L, 1L), row("a", 21L, 2L), row("a", null, 3L));

        assertThat(h.finish()).containsExactly(row("a", 21L, 2L, 21L, 31L, 30L));
        assertThat(h.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }

    @Test
    void whenThereIsNoPartitionKey_thenAllRowsShareSessions() throws Exception {
        OperatorTestHarness h = harness(new int[0], 10, false);

        h.push(0, row("a", 0L, 1L), row("b", 8L, 2L), row("c", 40L, 3L));

        assertThat(h.finish()).containsExactly(row("a", 0L, 1L, 0L, 18L, 17L), row("b", 8L, 2L, 0L, 18L, 17L),
                row("c", 40L, 3L, 40L, 50L, 49L));
    }
}
