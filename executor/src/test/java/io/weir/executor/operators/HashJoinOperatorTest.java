package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.JoinType;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.join.JoinResidual;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashJoinOperatorTest {

    /** Both sides: (key BIGINT, value STRING). */
    private static final List<DataType> SIDE = List.of(DataType.BIGINT, DataType.STRING);
    private static final List<DataType> JOINED = List.of(DataType.BIGINT, DataType.STRING, DataType.BIGINT,
            DataType.STRING);
    /**
     * left.value < right.value (UNKNOWN when either is null), compiled over the two columns it reads: pairs are
     * tested on those, and whole rows gathered for the pairs kept.
     */
    private static final JoinResidual LEFT_VALUE_BELOW_RIGHT = JoinResidual.overColumns(Evaluators.predicate(r ->
            r[0] == null || r[1] == null ? null : ((String) r[0]).compareTo((String) r[1]) < 0), new int[] {1, 3});

    private static OperatorTestHarness harness(JoinType type, boolean nullSafe, JoinResidual residual)
            throws Exception {
        HashJoinOperator join = new HashJoinOperator(type, new int[] {0}, new int[] {0}, new boolean[] {nullSafe},
                residual, SIDE, SIDE);
        return OperatorTestHarness.forOperator(join).input(0, SIDE).input(1, SIDE)
                .output(type.projectsRight() ? JOINED : SIDE).open();
    }

    private static List<List<Object>> run(JoinType type, boolean nullSafe, JoinResidual residual,
            List<List<Object>> left, List<List<Object>> right) throws Exception {
        OperatorTestHarness h = harness(type, nullSafe, residual);
        h.pushRows(1, right).endInput(1).pushRows(0, left);
        return h.finish();
    }

    private static final List<List<Object>> LEFT = List.of(
            row(1L, "a"), row(2L, "b"), row(null, "c"), row(4L, "d"), row(2L, "e"));
    private static final List<List<Object>> RIGHT = List.of(
            row(2L, "x"), row(null, "y"), row(2L, "c"), row(3L, "z"), row(1L, "a"));

    @Test
    void whenInnerJoinWithDuplicateKeys_thenEveryMatchingPairIsEmittedAndNullKeysNeverMatch() throws Exception {
        assertThat(run(JoinType.INNER, false, null, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", 1L, "a"),
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"),
                row(2L, "e", 2L, "x"), row(2L, "e", 2L, "c"));
    }

    @Test
    void whenLeftJoin_thenUnmatchedLeftRowsArePaddedWithNulls() throws Exception {
        assertThat(run(JoinType.LEFT, false, null, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", 1L, "a"),
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"),
                row(2L, "e", 2L, "x"), row(2L, "e", 2L, "c"),
                row(null, "c", null, null), row(4L, "d", null, null));
    }

    @Test
    void whenRightJoin_thenUnmatchedBuildRowsArePaddedWithNulls() throws Exception {
        assertThat(run(JoinType.RIGHT, false, null, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", 1L, "a"),
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"),
                row(2L, "e", 2L, "x"), row(2L, "e", 2L, "c"),
                row(null, null, null, "y"), row(null, null, 3L, "z"));
    }

    @Test
    void whenFullJoin_thenUnmatchedRowsOfBothSidesArePadded() throws Exception {
        assertThat(run(JoinType.FULL, false, null, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", 1L, "a"),
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"),
                row(2L, "e", 2L, "x"), row(2L, "e", 2L, "c"),
                row(null, "c", null, null), row(4L, "d", null, null),
                row(null, null, null, "y"), row(null, null, 3L, "z"));
    }

    @Test
    void whenSemiJoin_thenEachLeftRowWithAMatchIsEmittedOnce() throws Exception {
        assertThat(run(JoinType.SEMI, false, null, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a"), row(2L, "b"), row(2L, "e"));
    }

    @Test
    void whenAntiJoin_thenLeftRowsWithoutMatchIncludingNullKeysAreEmitted() throws Exception {
        assertThat(run(JoinType.ANTI, false, null, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(null, "c"), row(4L, "d"));
    }

    @Test
    void whenKeyIsNullSafe_thenNullKeysMatchEachOther() throws Exception {
        assertThat(run(JoinType.INNER, true, null, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", 1L, "a"),
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"),
                row(2L, "e", 2L, "x"), row(2L, "e", 2L, "c"),
                row(null, "c", null, "y"));
    }

    @Test
    void whenInnerJoinHasResidual_thenOnlyPairsWhereItIsTrueAreKept() throws Exception {
        assertThat(run(JoinType.INNER, false, LEFT_VALUE_BELOW_RIGHT, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"), row(2L, "e", 2L, "x"));
    }

    @Test
    void whenLeftJoinResidualRejectsEveryPairOfARow_thenThatRowIsPadded() throws Exception {
        assertThat(run(JoinType.LEFT, false, LEFT_VALUE_BELOW_RIGHT, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", null, null),
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"), row(2L, "e", 2L, "x"),
                row(null, "c", null, null), row(4L, "d", null, null));
    }

    @Test
    void whenFullJoinHasResidual_thenBuildRowsOnlyInRejectedPairsArePadded() throws Exception {
        assertThat(run(JoinType.FULL, false, LEFT_VALUE_BELOW_RIGHT, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a", null, null),
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "c"), row(2L, "e", 2L, "x"),
                row(null, "c", null, null), row(4L, "d", null, null),
                row(null, null, null, "y"), row(null, null, 3L, "z"), row(null, null, 1L, "a"));
    }

    @Test
    void whenSemiAndAntiJoinsHaveResidual_thenOnlyPairsWhereItIsTrueCount() throws Exception {
        assertThat(run(JoinType.SEMI, false, LEFT_VALUE_BELOW_RIGHT, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(2L, "b"), row(2L, "e"));
        assertThat(run(JoinType.ANTI, false, LEFT_VALUE_BELOW_RIGHT, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a"), row(null, "c"), row(4L, "d"));
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void whenBuildSideIsEmpty_thenOnlyLeftPreservingJoinsEmitRows(JoinType type) throws Exception {
        List<List<Object>> result = run(type, false, null, LEFT, List.of());

        List<List<Object>> expected = switch (type) {
            case INNER, SEMI, RIGHT -> List.of();
            case ANTI -> LEFT;
            case LEFT, FULL -> LEFT.stream().map(l -> JoinReference.concat(l, JoinReference.nulls(2))).toList();
        };
        assertThat(result).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void whenProbeSideIsEmpty_thenOnlyRightPreservingJoinsEmitRows(JoinType type) throws Exception {
        List<List<Object>> result = run(type, false, null, List.of(), RIGHT);

        List<List<Object>> expected = type.keepsUnmatchedRight()
                ? RIGHT.stream().map(r -> JoinReference.concat(JoinReference.nulls(2), r)).toList()
                : List.of();
        assertThat(result).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void whenBothSidesAreEmpty_thenNothingIsEmitted(JoinType type) throws Exception {
        assertThat(run(type, false, null, List.of(), List.of())).isEmpty();
    }

    @Test
    void whenLeftChunksArriveBeforeTheBuildSideEnds_thenTheyAreBufferedAndProbedLater() throws Exception {
        OperatorTestHarness h = harness(JoinType.LEFT, false, null);

        h.push(0, row(1L, "a"), row(2L, "b"));
        h.push(1, row(2L, "x"));
        h.push(0, row(3L, "c"));
        h.endInput(0);
        assertThat(h.rows()).as("nothing can be emitted before the build side is complete").isEmpty();
        h.push(1, row(1L, "y"), row(2L, "z"));
        h.endInput(1);

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row(1L, "a", 1L, "y"), row(2L, "b", 2L, "x"), row(2L, "b", 2L, "z"), row(3L, "c", null, null));
    }

    @Test
    void whenRightJoinLeftEndsLast_thenUnmatchedBuildRowsComeAfterAllProbes() throws Exception {
        OperatorTestHarness h = harness(JoinType.RIGHT, false, null);

        h.push(1, row(1L, "x"), row(2L, "y")).endInput(1);
        h.push(0, row(1L, "a"));
        assertThat(h.rows()).containsExactly(row(1L, "a", 1L, "x"));
        h.push(0, row(2L, "b")).endInput(0);

        assertThat(h.finish()).containsExactly(row(1L, "a", 1L, "x"), row(2L, "b", 2L, "y"));
    }

    @Test
    void whenOneKeyHasMoreMatchesThanAChunkHolds_thenAllPairsAreEmittedInBoundedChunks() throws Exception {
        List<List<Object>> right = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            right.add(row(7L, "r" + i));
        }
        List<List<Object>> left = List.of(row(7L, "a"), row(7L, "b"));

        List<List<Object>> result = run(JoinType.INNER, false, null, left, right);

        assertThat(result).hasSize(20);
    }

    @Test
    void whenJoiningOnSeveralKeysWithOneNullSafe_thenEachKeyFollowsItsOwnNullRule() throws Exception {
        List<DataType> types = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT);
        HashJoinOperator join = new HashJoinOperator(JoinType.INNER, new int[] {0, 1}, new int[] {0, 1},
                new boolean[] {false, true}, null, types, types);
        OperatorTestHarness h = OperatorTestHarness.forOperator(join).input(0, types).input(1, types).open();

        h.push(1, row("a", null, 1L), row(null, null, 2L), row("a", 5L, 3L), row("b", 5L, 4L)).endInput(1);
        h.push(0, row("a", null, 10L), row(null, null, 20L), row("a", 5L, 30L), row("b", null, 40L));

        assertThat(h.finish()).containsExactlyInAnyOrder(
                row("a", null, 10L, "a", null, 1L),
                row("a", 5L, 30L, "a", 5L, 3L));
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void whenRandomInputsAndChunkSizes_thenResultsMatchTheReferenceJoin(JoinType type) throws Exception {
        Random random = new Random(7 + type.ordinal());
        BiFunction<List<Object>, List<Object>, Boolean> residualRows = (l, r) ->
                l.get(1) == null || r.get(1) == null ? null : ((String) l.get(1)).compareTo((String) r.get(1)) < 0;
        for (int round = 0; round < 40; round++) {
            List<List<Object>> left = randomRows(random, random.nextInt(25));
            List<List<Object>> right = randomRows(random, random.nextInt(25));
            boolean nullSafe = random.nextBoolean();
            boolean withResidual = random.nextBoolean();
            int chunkSize = 1 + random.nextInt(6);
            HashJoinOperator join = new HashJoinOperator(type, new int[] {0}, new int[] {0}, new boolean[] {nullSafe},
                    withResidual ? LEFT_VALUE_BELOW_RIGHT : null, SIDE, SIDE);
            OperatorTestHarness h = OperatorTestHarness.forOperator(join).input(0, SIDE).input(1, SIDE)
                    .chunkSize(chunkSize).open();

            JoinTestSupport.pushInterleaved(h, random, left, right);

            assertThat(h.finish()).as("round %d", round).containsExactlyInAnyOrderElementsOf(
                    JoinReference.join(type, left, right, new int[] {0}, new int[] {0}, new boolean[] {nullSafe},
                            withResidual ? residualRows : null, 2, 2));
        }
    }

    static List<List<Object>> randomRows(Random random, int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long key = random.nextInt(6) == 0 ? null : (long) random.nextInt(5);
            String value = random.nextInt(8) == 0 ? null : String.valueOf((char) ('a' + random.nextInt(6)));
            rows.add(row(key, value));
        }
        return rows;
    }
}
