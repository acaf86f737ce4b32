package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetOpOperatorTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING);

    /** (1,a) x3, (2,b) x1, (null,null) x2, (3,null) x1. */
    private static final List<List<Object>> LEFT = List.of(row(1L, "a"), row(null, null), row(1L, "a"),
            row(2L, "b"), row(3L, null), row(null, null), row(1L, "a"));
    /** (1,a) x2, (null,null) x1, (3,"c") x1, (4,d) x1. */
    private static final List<List<Object>> RIGHT = List.of(row(1L, "a"), row(null, null), row(3L, "c"),
            row(1L, "a"), row(4L, "d"));

    private static List<List<Object>> run(SetOpKind kind, boolean all, List<List<Object>> left,
            List<List<Object>> right) throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(new SetOpOperator(kind, all, TYPES))
                .input(0, TYPES).input(1, TYPES).output(TYPES).open();
        h.pushRows(1, right.subList(0, right.size() / 2)).pushRows(0, left)
                .pushRows(1, right.subList(right.size() / 2, right.size()));
        return h.finish();
    }

    @Test
    void whenIntersect_thenRowsInBothSidesComeOnceAndNullsEqualEachOther() throws Exception {
        assertThat(run(SetOpKind.INTERSECT, false, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a"), row(null, null));
    }

    @Test
    void whenIntersectAll_thenEachRowComesAsOftenAsOnTheSideWithFewerCopies() throws Exception {
        assertThat(run(SetOpKind.INTERSECT, true, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a"), row(1L, "a"), row(null, null));
    }

    @Test
    void whenExcept_thenLeftRowsAbsentOnTheRightComeOnce() throws Exception {
        assertThat(run(SetOpKind.EXCEPT, false, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(2L, "b"), row(3L, null));
    }

    @Test
    void whenExceptAll_thenEachRightCopyCancelsOneLeftCopy() throws Exception {
        assertThat(run(SetOpKind.EXCEPT, true, LEFT, RIGHT)).containsExactlyInAnyOrder(
                row(1L, "a"), row(2L, "b"), row(3L, null), row(null, null));
    }

    @Test
    void whenOneSideIsEmpty_thenIntersectIsEmptyAndExceptKeepsTheLeft() throws Exception {
        assertThat(run(SetOpKind.INTERSECT, true, LEFT, List.of())).isEmpty();
        assertThat(run(SetOpKind.INTERSECT, false, List.of(), RIGHT)).isEmpty();
        assertThat(run(SetOpKind.EXCEPT, true, LEFT, List.of())).containsExactlyInAnyOrderElementsOf(LEFT);
        assertThat(run(SetOpKind.EXCEPT, false, List.of(), RIGHT)).isEmpty();
    }

    @Test
    void whenBothSidesAreEmpty_thenNothingIsEmitted() throws Exception {
        assertThat(run(SetOpKind.EXCEPT, false, List.of(), List.of())).isEmpty();
    }

    @Test
    void whenOnlyOneInputHasEnded_thenNothingIsEmittedYet() throws Exception {
        OperatorTestHarness h = OperatorTestHarness.forOperator(new SetOpOperator(SetOpKind.EXCEPT, false, TYPES))
                .input(0, TYPES).input(1, TYPES).open();

        h.pushRows(0, LEFT).endInput(0);

        assertThat(h.rows()).isEmpty();
        h.endInput(1);
        assertThat(h.rows()).hasSize(4);
    }
}
