package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest {

    private static final DataType DEC = DataType.decimal(10, 2);
    private static final DataType SUM_DEC = DataType.decimal(19, 2);

    private static AggregateCall call(AggregateKind kind, int arg, DataType argType, DataType resultType) {
        return new AggregateCall(kind, arg, -1, false, argType, resultType);
    }

    private static AggregateCall countStar() {
        return new AggregateCall(AggregateKind.COUNT, -1, -1, false, null, DataType.BIGINT);
    }

    private static OperatorTestHarness harness(int[] keys, List<DataType> input, List<AggregateCall> calls)
            throws Exception {
        List<DataType> output = new ArrayList<>();
        for (int key : keys) {
            output.add(input.get(key));
        }
        calls.forEach(c -> output.add(c.resultType()));
        return OperatorTestHarness.forOperator(new HashAggregateOperator(keys, input, calls))
                .input(input).output(output).open();
    }

    @Test
    void whenGroupingWithNullKeys_thenNullsFormOneGroupAndAggregatesSkipNullValues() throws Exception {
        List<DataType> input = List.of(DataType.STRING, DataType.BIGINT);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                countStar(),
                call(AggregateKind.COUNT, 1, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.SUM, 1, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.MIN, 1, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.MAX, 1, DataType.BIGINT, DataType.BIGINT)));

        h.push(0, row("a", 1L), row(null, 5L), row("b", null), row("a", 3L), row(null, 7L), row("a", null),
                row("b", null));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row("a", 3L, 2L, 4L, 1L, 3L),
                row(null, 2L, 2L, 12L, 5L, 7L),
                row("b", 2L, 0L, null, null, null));
    }

    @Test
    void whenGlobalAggregateOverEmptyInput_thenOneRowWithZeroCountsAndNulls() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT);
        OperatorTestHarness h = harness(new int[0], input, List.of(
                countStar(),
                call(AggregateKind.COUNT, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.SUM, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.SUM0, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.MIN, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.AVG, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.ANY_VALUE, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.SINGLE_VALUE, 0, DataType.BIGINT, DataType.BIGINT)));

        assertThat(h.finish()).containsExactly(row(0L, 0L, null, 0L, null, null, null, null));
    }

    @Test
    void whenGlobalAggregateOverOnlyNulls_thenCountIsZeroAndSumIsNull() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT);
        OperatorTestHarness h = harness(new int[0], input, List.of(
                countStar(),
                call(AggregateKind.COUNT, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.SUM, 0, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.SUM0, 0, DataType.BIGINT, DataType.BIGINT)));

        h.push(0, row((Object) null), row((Object) null));

        assertThat(h.finish()).containsExactly(row(2L, 0L, null, 0L));
    }

    @Test
    void whenGroupedAggregateOverEmptyInput_thenNoRows() throws Exception {
        OperatorTestHarness h = harness(new int[] {0}, List.of(DataType.BIGINT), List.of(countStar()));

        assertThat(h.finish()).isEmpty();
    }

    @Test
    void whenCountDistinctWithNullsAndDuplicatesAcrossChunks_thenEachNonNullValueCountsOncePerGroup()
            throws Exception {
        List<DataType> input = List.of(DataType.BIGINT, DataType.STRING);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                new AggregateCall(AggregateKind.COUNT, 1, -1, true, DataType.STRING, DataType.BIGINT),
                call(AggregateKind.COUNT, 1, DataType.STRING, DataType.BIGINT)));

        h.push(0, row(1L, "x"), row(1L, "y"), row(1L, null), row(2L, "x"), row(1L, "x"), row(2L, null),
                row(1L, "y"), row(2L, "x"), row(3L, null));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, 2L, 4L),
                row(2L, 1L, 2L),
                row(3L, 0L, 0L));
    }

    @Test
    void whenSumAndAvgDistinct_thenDuplicateValuesCountOnce() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT);
        OperatorTestHarness h = harness(new int[0], input, List.of(
                new AggregateCall(AggregateKind.SUM, 0, -1, true, DataType.BIGINT, DataType.BIGINT),
                new AggregateCall(AggregateKind.AVG, 0, -1, true, DataType.BIGINT, DataType.BIGINT),
                call(AggregateKind.SUM, 0, DataType.BIGINT, DataType.BIGINT)));

        h.push(0, row(2L), row(2L), row(4L), row((Object) null), row(4L), row(2L));

        assertThat(h.finish()).containsExactly(row(6L, 3L, 14L));
    }

    @Test
    void whenFilterClauseIsTrueFalseOrNull_thenOnlyTrueRowsCount() throws Exception {
        List<DataType> input = List.of(DataType.STRING, DataType.BIGINT, DataType.BOOLEAN);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                new AggregateCall(AggregateKind.COUNT, -1, 2, false, null, DataType.BIGINT),
                new AggregateCall(AggregateKind.SUM, 1, 2, false, DataType.BIGINT, DataType.BIGINT),
                new AggregateCall(AggregateKind.COUNT, 1, 2, true, DataType.BIGINT, DataType.BIGINT),
                countStar()));

        h.push(0, row("a", 1L, true), row("a", 2L, false), row("a", 4L, null), row("a", 1L, true),
                row("b", 8L, false), row("a", null, true));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row("a", 3L, 2L, 1L, 5L),
                row("b", 0L, null, 0L, 1L));
    }

    @Test
    void whenSummingDecimals_thenTheSumIsExactAtTheResultScale() throws Exception {
        List<DataType> input = List.of(DEC);
        OperatorTestHarness h = harness(new int[0], input, List.of(
                call(AggregateKind.SUM, 0, DEC, SUM_DEC),
                call(AggregateKind.SUM, 0, DEC, DataType.decimal(19, 4)),
                call(AggregateKind.SUM0, 0, DEC, SUM_DEC)));

        h.push(0, row(new BigDecimal("0.10")), row(new BigDecimal("0.20")), row((Object) null), row(new BigDecimal("-1.05")));

        assertThat(h.finish()).containsExactly(
                row(new BigDecimal("-0.75"), new BigDecimal("-0.7500"), new BigDecimal("-0.75")));
    }

    @Test
    void whenAveragingDecimals_thenTheResultIsRoundedHalfUpAwayFromZero() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT, DEC);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                call(AggregateKind.AVG, 1, DEC, DataType.decimal(19, 2)),
                call(AggregateKind.AVG, 1, DEC, DataType.decimal(19, 6))));

        h.push(0,
                row(1L, new BigDecimal("1.00")), row(1L, new BigDecimal("2.00")), row(1L, new BigDecimal("2.00")),
                row(2L, new BigDecimal("-1.00")), row(2L, new BigDecimal("-0.01")),
                row(3L, new BigDecimal("0.01")), row(3L, new BigDecimal("0.00")), row(3L, null));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, new BigDecimal("1.67"), new BigDecimal("1.666667")),
                row(2L, new BigDecimal("-0.51"), new BigDecimal("-0.505000")),
                row(3L, new BigDecimal("0.01"), new BigDecimal("0.005000")));
    }

    @Test
    void whenAveragingIntegers_thenTheResultTruncatesTowardZero() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT, DataType.INTEGER);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                call(AggregateKind.AVG, 1, DataType.INTEGER, DataType.INTEGER),
                call(AggregateKind.AVG, 1, DataType.INTEGER, DataType.DOUBLE)));

        h.push(0, row(1L, 1L), row(1L, 2L), row(2L, -1L), row(2L, -2L), row(3L, 7L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, 1L, 1.5),
                row(2L, -1L, -1.5),
                row(3L, 7L, 7.0));
    }

    @Test
    void whenSummingDoubles_thenDoubleArithmeticIsUsed() throws Exception {
        List<DataType> input = List.of(DataType.DOUBLE);
        OperatorTestHarness h = harness(new int[0], input, List.of(
                call(AggregateKind.SUM, 0, DataType.DOUBLE, DataType.DOUBLE),
                call(AggregateKind.AVG, 0, DataType.DOUBLE, DataType.DOUBLE),
                call(AggregateKind.MIN, 0, DataType.DOUBLE, DataType.DOUBLE),
                call(AggregateKind.MAX, 0, DataType.DOUBLE, DataType.DOUBLE)));

        h.push(0, row(1.5), row((Object) null), row(-4.0), row(0.5));

        assertThat(h.finish()).containsExactly(row(-2.0, -2.0 / 3, -4.0, 1.5));
    }

    @Test
    void whenBigintSumOverflows_thenTheQueryFailsWithAnExecutionError() throws Exception {
        OperatorTestHarness h = harness(new int[0], List.of(DataType.BIGINT), List.of(
                call(AggregateKind.SUM, 0, DataType.BIGINT, DataType.BIGINT)));

        assertThatThrownBy(() -> h.push(0, row(Long.MAX_VALUE), row(1L)))
                .isInstanceOf(WeirException.class).hasMessage("Numeric overflow in SUM");
    }

    @Test
    void whenDecimalSumOverflows_thenTheQueryFailsWithAnExecutionError() throws Exception {
        DataType wide = DataType.decimal(19, 0);
        OperatorTestHarness h = harness(new int[0], List.of(wide), List.of(call(AggregateKind.SUM, 0, wide, wide)));

        assertThatThrownBy(() -> h.push(0, row(new BigDecimal("9000000000000000000")),
                row(new BigDecimal("9000000000000000000"))))
                .isInstanceOf(WeirException.class).hasMessage("Numeric overflow in SUM");
    }

    @Test
    void whenMinAndMaxOverEveryPhysicalType_thenValuesAreOrderedNaturally() throws Exception {
        List<DataType> input = List.of(DataType.STRING, DataType.BOOLEAN, DataType.DATE, DEC);
        OperatorTestHarness h = harness(new int[0], input, List.of(
                call(AggregateKind.MIN, 0, DataType.STRING, DataType.STRING),
                call(AggregateKind.MAX, 0, DataType.STRING, DataType.STRING),
                call(AggregateKind.MIN, 1, DataType.BOOLEAN, DataType.BOOLEAN),
                call(AggregateKind.MAX, 1, DataType.BOOLEAN, DataType.BOOLEAN),
                call(AggregateKind.MIN, 2, DataType.DATE, DataType.DATE),
                call(AggregateKind.MAX, 3, DEC, DEC)));

        h.push(0,
                row("pear", true, LocalDate.of(2024, 3, 1), new BigDecimal("-1.50")),
                row("apple", null, null, null),
                row(null, false, LocalDate.of(2023, 12, 31), new BigDecimal("2.25")),
                row("zebra", true, LocalDate.of(2024, 1, 1), new BigDecimal("0.01")));

        assertThat(h.finish()).containsExactly(row("apple", "zebra", false, true, LocalDate.of(2023, 12, 31),
                new BigDecimal("2.25")));
    }

    @Test
    void whenEveryAndSomeSeeNulls_thenNullsAreSkipped() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT, DataType.BOOLEAN);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                call(AggregateKind.EVERY, 1, DataType.BOOLEAN, DataType.BOOLEAN),
                call(AggregateKind.SOME, 1, DataType.BOOLEAN, DataType.BOOLEAN)));

        h.push(0, row(1L, true), row(1L, null), row(1L, true), row(2L, true), row(2L, false), row(3L, null));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, true, true),
                row(2L, false, true),
                row(3L, null, null));
    }

    @Test
    void whenSingleValueGroupHasOneRow_thenThatValueIsTheResult() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT, DataType.STRING);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                call(AggregateKind.SINGLE_VALUE, 1, DataType.STRING, DataType.STRING)));

        h.push(0, row(1L, "only"), row(2L, null));

        assertThat(h.finish()).containsExactlyInAnyOrder(row(1L, "only"), row(2L, null));
    }

    @Test
    void whenSingleValueGroupHasTwoRows_thenTheQueryFails() throws Exception {
        OperatorTestHarness h = harness(new int[0], List.of(DataType.BIGINT), List.of(
                call(AggregateKind.SINGLE_VALUE, 0, DataType.BIGINT, DataType.BIGINT)));

        assertThatThrownBy(() -> h.push(0, row(1L), row(1L)))
                .isInstanceOf(WeirException.class).hasMessage("Scalar sub-query returned more than one row");
    }

    @Test
    void whenAnyValue_thenSomeNonNullValueOfTheGroupIsReturned() throws Exception {
        List<DataType> input = List.of(DataType.BIGINT, DataType.STRING);
        OperatorTestHarness h = harness(new int[] {0}, input, List.of(
                call(AggregateKind.ANY_VALUE, 1, DataType.STRING, DataType.STRING)));

        h.push(0, row(1L, null), row(1L, "x"), row(1L, "x"), row(2L, null));

        assertThat(h.finish()).containsExactlyInAnyOrder(row(1L, "x"), row(2L, null));
    }

    @Test
    void whenGroupingByDoubles_thenNegativeZeroAndZeroAreOneGroupAndSoAreNaNs() throws Exception {
        OperatorTestHarness h = harness(new int[] {0}, List.of(DataType.DOUBLE), List.of(countStar()));

        h.push(0, row(0.0), row(-0.0), row(Double.NaN), row(Double.NaN), row(1.0));

        assertThat(h.finish()).hasSize(3).contains(row(Double.NaN, 2L), row(1.0, 1L));
    }

    @Test
    void whenGroupingBySeveralKeys_thenEachCombinationIsOneGroup() throws Exception {
        List<DataType> input = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT);
        OperatorTestHarness h = harness(new int[] {1, 0}, input, List.of(
                call(AggregateKind.SUM, 2, DataType.BIGINT, DataType.BIGINT)));

        h.push(0, row("a", 1L, 10L), row("a", 2L, 20L), row("b", 1L, 30L), row("a", 1L, 40L), row(null, null, 50L),
                row(null, null, 60L), row(null, 1L, 70L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "a", 50L), row(2L, "a", 20L), row(1L, "b", 30L), row(null, null, 110L), row(1L, null, 70L));
    }

    @Test
    void whenThousandsOfGroups_thenEveryGroupMatchesAReferenceComputation() throws Exception {
        Random random = new Random(42);
        List<List<Object>> rows = new ArrayList<>();
        Map<Long, long[]> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long key = random.nextInt(3_000);
            long value = random.nextInt(1_000) - 500;
            rows.add(row(key, value));
            long[] agg = expected.computeIfAbsent(key, k -> new long[] {0, 0, Long.MAX_VALUE});
            agg[0]++;
            agg[1] += value;
            agg[2] = Math.min(agg[2], value);
        }
        List<DataType> input = List.of(DataType.BIGINT, DataType.BIGINT);
        OperatorTestHarness h = OperatorTestHarness.forOperator(new HashAggregateOperator(new int[] {0}, input, List.of(
                        countStar(),
                        call(AggregateKind.SUM, 1, DataType.BIGINT, DataType.BIGINT),
                        call(AggregateKind.MIN, 1, DataType.BIGINT, DataType.BIGINT))))
                .input(input).chunkSize(100).open();

        h.pushRows(0, rows);

        List<List<Object>> expectedRows = new ArrayList<>();
        expected.forEach((key, agg) -> expectedRows.add(row(key, agg[0], agg[1], agg[2])));
        assertThat(h.finish()).containsExactlyInAnyOrderElementsOf(expectedRows);
    }
}
