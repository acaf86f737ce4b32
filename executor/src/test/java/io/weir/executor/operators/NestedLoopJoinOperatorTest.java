package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.JoinType;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.join.JoinResidual;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NestedLoopJoinOperatorTest {

    private static final List<DataType> SIDE = List.of(DataType.BIGINT, DataType.STRING);
    private static final List<DataType> JOINED = List.of(DataType.BIGINT, DataType.STRING, DataType.BIGINT,
            DataType.STRING);
    /** A non-equi condition over left ++ right: left.key < right.key (UNKNOWN on nulls). */
    private static final JoinResidual LEFT_KEY_BELOW_RIGHT = JoinResidual.overPairRow(Evaluators.predicate(r ->
            r[0] == null || r[2] == null ? null : (Long) r[0] < (Long) r[2]));
    private static final BiFunction<List<Object>, List<Object>, Boolean> LEFT_KEY_BELOW_RIGHT_ROWS = (l, r) ->
            l.get(0) == null || r.get(0) == null ? null : (Long) l.get(0) < (Long) r.get(0);

    private static List<List<Object>> run(JoinType type, JoinResidual condition, List<List<Object>> left,
            List<List<Object>> right) throws Exception {
        OperatorTestHarness h = OperatorTestHarness
                .forOperator(new NestedLoopJoinOperator(type, condition, SIDE, SIDE))
                .input(0, SIDE).input(1, SIDE).output(type.projectsRight() ? JOINED : SIDE).open();
        h.pushRows(1, right).endInput(1).pushRows(0, left);
        return h.finish();
    }

    private static final List<List<Object>> LEFT = List.of(row(1L, "a"), row(5L, "b"), row(null, "c"));
    private static final List<List<Object>> RIGHT = List.of(row(2L, "x"), row(6L, "y"), row(null, "z"));

    @Test
    void whenNoCondition_thenEveryPairIsEmitted() throws Exception {
        assertThat(run(JoinType.INNER, null, LEFT, RIGHT)).hasSize(9)
                .contains(row(1L, "a", 2L, "x"), row(null, "c", null, "z"));
    }

    @Test
    void whenInnerJoinOnInequality_thenOnlyPairsWhereItIsTrueAreEmitted() throws Exception {
        assertThat(run(JoinType.INNER, LEFT_KEY_BELOW_RIGHT, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", 2L, "x"), row(1L, "a", 6L, "y"), row(5L, "b", 6L, "y"));
    }

    @Test
    void whenFullJoinOnInequality_thenUnmatchedRowsOfBothSidesArePadded() throws Exception {
        assertThat(run(JoinType.FULL, LEFT_KEY_BELOW_RIGHT, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", 2L, "x"), row(1L, "a", 6L, "y"), row(5L, "b", 6L, "y"),
                row(null, "c", null, null), row(null, null, null, "z"));
    }

    @Test
    void whenSemiAndAntiJoinWithoutCondition_thenTheyAskWhetherTheRightSideHasRows() throws Exception {
        assertThat(run(JoinType.SEMI, null, LEFT, RIGHT)).containsExactlyElementsOf(LEFT);
        assertThat(run(JoinType.ANTI, null, LEFT, RIGHT)).isEmpty();
        assertThat(run(JoinType.SEMI, null, LEFT, List.of())).isEmpty();
        assertThat(run(JoinType.ANTI, null, LEFT, List.of())).containsExactlyElementsOf(LEFT);
    }

    @Test
    void whenCrossJoinWithEmptySide_thenNothingIsEmitted() throws Exception {
        assertThat(run(JoinType.INNER, null, LEFT, List.of())).isEmpty();
        assertThat(run(JoinType.INNER, null, List.of(), RIGHT)).isEmpty();
    }

    @Test
    void whenLeftChunksArriveFirst_thenTheyAreBufferedUntilTheRightSideEnds() throws Exception {
        OperatorTestHarness h = OperatorTestHarness
                .forOperator(new NestedLoopJoinOperator(JoinType.LEFT, LEFT_KEY_BELOW_RIGHT, SIDE, SIDE))
                .input(0, SIDE).input(1, SIDE).open();

        h.pushRows(0, LEFT).endInput(0);
        h.push(1, row(3L, "x"));
        assertThat(h.rows()).isEmpty();
        h.endInput(1);

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "a", 3L, "x"), row(5L, "b", null, null), row(null, "c", null, null));
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void whenRandomInputsAndChunkSizes_thenResultsMatchTheReferenceJoin(JoinType type) throws Exception {
        Random random = new Random(11 + type.ordinal());
        for (int round = 0; round < 40; round++) {
            List<List<Object>> left = HashJoinOperatorTest.randomRows(random, random.nextInt(20));
            List<List<Object>> right = HashJoinOperatorTest.randomRows(random, random.nextInt(20));
            boolean withCondition = random.nextInt(4) != 0;
            OperatorTestHarness h = OperatorTestHarness
                    .forOperator(new NestedLoopJoinOperator(type, withCondition ? LEFT_KEY_BELOW_RIGHT : null,
                            SIDE, SIDE))
                    .input(0, SIDE).input(1, SIDE).chunkSize(1 + random.nextInt(6)).open();

            JoinTestSupport.pushInterleaved(h, random, left, right);

            assertThat(h.finish()).as("round %d", round).containsExactlyInAnyOrderElementsOf(
                    JoinReference.join(type, left, right, new int[0], new int[0], new boolean[0],
                            withCondition ? LEFT_KEY_BELOW_RIGHT_ROWS : null, 2, 2));
        }
    }
}
