package io.weir.executor.operators.aggregate;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Merging, resetting and reading scattered groups: what session windows need from the batch accumulators. */
class AggregateCallStateMergeTest {

    private static final DataType DEC = DataType.decimal(10, 2);
    /** Columns: BIGINT, DOUBLE (whole numbers, so sums are exact in any order), STRING, BOOLEAN, DECIMAL, filter. */
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.DOUBLE, DataType.STRING,
            DataType.BOOLEAN, DEC, DataType.BOOLEAN);

    private static AggregateCall call(AggregateKind kind, int arg, DataType resultType) {
        return new AggregateCall(kind, arg, -1, false, arg < 0 ? null : TYPES.get(arg), resultType);
    }

    private static List<AggregateCall> calls() {
        List<AggregateCall> calls = new ArrayList<>();
        calls.add(call(AggregateKind.COUNT, -1, DataType.BIGINT));
        calls.add(new AggregateCall(AggregateKind.COUNT, 0, 5, false, DataType.BIGINT, DataType.BIGINT));
        for (AggregateKind kind : List.of(AggregateKind.SUM, AggregateKind.SUM0, AggregateKind.AVG,
                AggregateKind.MIN, AggregateKind.MAX)) {
            calls.add(call(kind, 0, DataType.BIGINT));
            calls.add(call(kind, 1, DataType.DOUBLE));
            calls.add(call(kind, 4, kind == AggregateKind.MIN || kind == AggregateKind.MAX
                    ? DEC : DataType.decimal(19, 2)));
        }
        calls.add(call(AggregateKind.MIN, 2, DataType.STRING));
        calls.add(call(AggregateKind.MAX, 2, DataType.STRING));
        calls.add(call(AggregateKind.MIN, 3, DataType.BOOLEAN));
        calls.add(call(AggregateKind.EVERY, 3, DataType.BOOLEAN));
        calls.add(call(AggregateKind.SOME, 3, DataType.BOOLEAN));
        return calls;
    }

    private static Chunk randomRows(Random random, int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(
                    random.nextInt(5) == 0 ? null : (long) random.nextInt(100) - 50,
                    random.nextInt(5) == 0 ? null : (double) random.nextInt(100),
                    random.nextInt(5) == 0 ? null : "s" + random.nextInt(20),
                    random.nextInt(5) == 0 ? null : random.nextBoolean(),
                    random.nextInt(5) == 0 ? null : Values.toExternal(DEC, longVector(random.nextInt(10_000)), 0),
                    random.nextBoolean()));
        }
        return Chunks.of(TYPES, rows);
    }

    private static Vector longVector(long value) {
        LongVector v = new LongVector(1);
        v.set(0, value);
        return v;
    }

    private static Object result(AggregateCallState state, int group, int groupCount) {
        Vector v = state.results(new int[] {group}, 1, groupCount);
        return Values.toExternal(state.call().resultType(), v, 0);
    }

    @Test
    void whenTwoGroupsMerge_thenTheTargetEqualsOneGroupThatSawAllTheirRows() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            Chunk chunk = randomRows(random, 1 + random.nextInt(12));
            int[] split = new int[chunk.size()];
            int[] together = new int[chunk.size()];
            for (int r = 0; r < split.length; r++) {
                // Groups 1 and 3 will merge into group 1; groups 0 and 2 are bystanders that stay empty.
                split[r] = random.nextBoolean() ? 1 : 3;
                together[r] = 0;
            }
            for (AggregateCall call : calls()) {
                AggregateCallState merged = new AggregateCallState(call);
                merged.accumulate(chunk, split, 4);
                merged.merge(1, 3, 4);
                AggregateCallState reference = new AggregateCallState(call);
                reference.accumulate(chunk, together, 1);

                assertThat(result(merged, 1, 4)).as("%s", call).isEqualTo(result(reference, 0, 1));
                assertThat(result(merged, 2, 4)).as("untouched group of %s", call)
                        .isEqualTo(result(new AggregateCallState(call), 0, 1));
            }
        }
    }

    @Test
    void whenAGroupIsReset_thenItAnswersLikeAGroupThatSawNoRow() {
        Chunk chunk = randomRows(new Random(3), 10);
        int[] groups = new int[chunk.size()];
        for (AggregateCall call : calls()) {
            AggregateCallState state = new AggregateCallState(call);
            state.accumulate(chunk, groups, 1);
            state.reset(0, 1);

            assertThat(result(state, 0, 1)).as("%s", call).isEqualTo(result(new AggregateCallState(call), 0, 1));
        }
    }

    @Test
    void whenResultsOfScatteredGroupsAreRead_thenTheyComeInTheOrderAsked() {
        List<DataType> types = List.of(DataType.BIGINT);
        Chunk chunk = Chunks.of(types, row(5L), row(7L), row(9L));
        AggregateCallState state = new AggregateCallState(
                new AggregateCall(AggregateKind.SUM, 0, -1, false, DataType.BIGINT, DataType.BIGINT));
        state.accumulate(chunk, new int[] {0, 1, 2}, 3);

        Vector results = state.results(new int[] {2, 0}, 2, 3);

        assertThat(results.getObject(0)).isEqualTo(9L);
        assertThat(results.getObject(1)).isEqualTo(5L);
    }

    @Test
    void whenOnlySelectedRowsAreAccumulated_thenTheOthersDoNotCount() {
        List<DataType> types = List.of(DataType.BIGINT);
        Chunk chunk = Chunks.of(types, row(1L), row(10L), row(100L), row(1000L));
        AggregateCallState state = new AggregateCallState(
                new AggregateCall(AggregateKind.SUM, 0, -1, false, DataType.BIGINT, DataType.BIGINT));

        state.accumulate(chunk, new int[4], 1, new int[] {1, 3}, 2);

        assertThat(state.results(0, 1, 1).getObject(0)).isEqualTo(1010L);
    }

    @Test
    void whenSingleValueGroupsThatBothHoldAValueMerge_thenTheQueryFails() {
        List<DataType> types = List.of(DataType.BIGINT);
        Chunk chunk = Chunks.of(types, row(1L), row(2L));
        AggregateCallState state = new AggregateCallState(
                new AggregateCall(AggregateKind.SINGLE_VALUE, 0, -1, false, DataType.BIGINT, DataType.BIGINT));
        state.accumulate(chunk, new int[] {0, 1}, 2);

        assertThatThrownBy(() -> state.merge(0, 1, 2)).isInstanceOf(WeirException.class)
                .hasMessageContaining("more than one row");
    }

    @Test
    void whenAnyValueGroupsMerge_thenTheTargetKeepsAValueFromEitherSide() {
        List<DataType> types = List.of(DataType.STRING);
        Chunk chunk = Chunks.of(types, row((Object) null), row("x"));
        AggregateCallState state = new AggregateCallState(
                new AggregateCall(AggregateKind.ANY_VALUE, 0, -1, false, DataType.STRING, DataType.STRING));
        state.accumulate(chunk, new int[] {0, 1}, 2);

        state.merge(0, 1, 2);

        assertThat(result(state, 0, 2)).isEqualTo("x");
    }

    @Test
    void whenTheCallIsDistinct_thenMergingIsRefused() {
        AggregateCallState state = new AggregateCallState(
                new AggregateCall(AggregateKind.COUNT, 0, -1, true, DataType.BIGINT, DataType.BIGINT));

        assertThat(state.isMergeable()).isFalse();
        assertThatThrownBy(() -> state.merge(0, 1, 2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
