package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalcOperatorTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING);

    private static OperatorTestHarness harness(CalcOperator calc, List<DataType> output) throws Exception {
        return OperatorTestHarness.forOperator(calc).input(TYPES).output(output).open();
    }

    @Test
    void whenFilterIsTrueFalseOrUnknown_thenOnlyTrueRowsAreKept() throws Exception {
        OperatorTestHarness h = harness(new CalcOperator(Evaluators.greaterThan(0, 5), null), TYPES);

        h.push(0, row(1L, "a"), row(6L, "b"), row(null, "c"), row(10L, "d"), row(5L, "e"));

        assertThat(h.finish()).containsExactly(row(6L, "b"), row(10L, "d"));
    }

    @Test
    void whenNoFilter_thenProjectionsAreEvaluatedOnEveryRow() throws Exception {
        ScalarEvaluator doubled = Evaluators.rowWise(DataType.BIGINT, r -> r[0] == null ? null : (Long) r[0] * 2);
        CalcOperator calc = new CalcOperator(null, new ScalarEvaluator[] {
                Evaluators.column(1, DataType.STRING), doubled});
        OperatorTestHarness h = harness(calc, List.of(DataType.STRING, DataType.BIGINT));

        h.push(0, row(1L, "a"), row(null, "b"), row(3L, "c"), row(4L, null));

        assertThat(h.finish()).containsExactly(row("a", 2L), row("b", null), row("c", 6L), row(null, 8L));
    }

    @Test
    void whenFilterDropsRows_thenProjectionsNeverSeeThem() throws Exception {
        // 100 / x fails on x = 0; WHERE x > 0 must protect it, as SQL users expect.
        ScalarEvaluator hundredOver = Evaluators.rowWise(DataType.BIGINT, r -> {
            if ((Long) r[0] == 0L) {
                throw WeirException.execution("Division by zero");
            }
            return 100L / (Long) r[0];
        });
        CalcOperator calc = new CalcOperator(Evaluators.greaterThan(0, 0), new ScalarEvaluator[] {hundredOver});
        OperatorTestHarness h = harness(calc, List.of(DataType.BIGINT));

        h.push(0, row(0L, "a"), row(4L, "b"), row(0L, "c"), row(50L, "d"));

        assertThat(h.finish()).containsExactly(row(25L), row(2L));
    }

    @Test
    void whenEvaluationFails_thenTheErrorReachesTheCaller() throws Exception {
        ScalarEvaluator failing = Evaluators.rowWise(DataType.BIGINT, r -> {
            throw WeirException.execution("Division by zero");
        });
        OperatorTestHarness h = harness(new CalcOperator(null, new ScalarEvaluator[] {failing}), List.of(DataType.BIGINT));

        assertThatThrownBy(() -> h.push(0, row(1L, "a"))).isInstanceOf(WeirException.class)
                .hasMessage("Division by zero");
    }

    @Test
    void whenEveryRowOfAChunkIsFilteredOut_thenNothingIsEmitted() throws Exception {
        OperatorTestHarness h = harness(new CalcOperator(Evaluators.greaterThan(0, 100), null), TYPES);

        h.push(0, row(1L, "a"), row(2L, "b"), row(3L, "c"), row(200L, "d"));

        assertThat(h.finish()).containsExactly(row(200L, "d"));
        assertThat(h.chunks()).hasSize(1);
    }

    @Test
    void whenRowsAreUpdatesAndDeletes_thenRowKindsSurviveFilterAndProjection() throws Exception {
        CalcOperator calc = new CalcOperator(Evaluators.greaterThan(0, 1),
                new ScalarEvaluator[] {Evaluators.column(1, DataType.STRING)});
        OperatorTestHarness h = harness(calc, List.of(DataType.STRING));
        Chunk changes = Chunks.of(TYPES, List.of(row(1L, "a"), row(2L, "b"), row(3L, "c"), row(4L, "d")),
                List.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE));

        h.push(0, changes);

        assertThat(h.finish()).containsExactly(row("b"), row("c"), row("d"));
        assertThat(h.rowKinds()).containsExactly(RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE);
    }

    @Test
    void whenNeitherFilterNorProjection_thenChunksPassThroughUnchanged() throws Exception {
        OperatorTestHarness h = harness(new CalcOperator(null, null), TYPES);
        Chunk chunk = Chunks.of(TYPES, row(1L, "a"), row(2L, null));

        h.push(0, chunk);

        assertThat(h.chunks()).containsExactly(chunk);
    }

    @Test
    void whenWatermarkArrives_thenItIsForwarded() throws Exception {
        OperatorTestHarness h = harness(new CalcOperator(Evaluators.greaterThan(0, 5), null), TYPES);

        h.watermark(42);

        assertThat(h.watermarks()).extracting(w -> w.timestamp()).containsExactly(42L);
    }

    @Test
    void whenInputIsEmpty_thenNothingIsEmitted() throws Exception {
        OperatorTestHarness h = harness(new CalcOperator(Evaluators.greaterThan(0, 5), null), TYPES);

        h.push(0, Chunk.empty(TYPES));

        assertThat(h.finish()).isEmpty();
    }
}
