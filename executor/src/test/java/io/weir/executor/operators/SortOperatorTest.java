package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortOperatorTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.DOUBLE);

    private static final List<List<Object>> ROWS = List.of(
            row(2L, "b", 1.0),
            row(null, "a", 2.0),
            row(1L, null, 3.0),
            row(2L, "a", 4.0),
            row(1L, "c", 5.0),
            row(null, null, 6.0),
            row(2L, null, 7.0));

    private static List<List<Object>> sort(int[] keys, boolean[] descending, boolean[] nullsFirst, long offset,
            long fetch, List<List<Object>> rows) throws Exception {
        OperatorTestHarness h = OperatorTestHarness
                .forOperator(new SortOperator(keys, descending, nullsFirst, offset, fetch, TYPES))
                .input(TYPES).output(TYPES).open();
        h.pushRows(0, rows);
        return h.finish();
    }

    @Test
    void whenAscendingNullsLast_thenNullsComeAfterValues() throws Exception {
        assertThat(sort(new int[] {0}, new boolean[] {false}, new boolean[] {false}, 0, -1, ROWS))
                .extracting(r -> r.get(2))
                .containsExactly(3.0, 5.0, 1.0, 4.0, 7.0, 2.0, 6.0);
    }

    @Test
    void whenAscendingNullsFirst_thenNullsComeBeforeValues() throws Exception {
        assertThat(sort(new int[] {0}, new boolean[] {false}, new boolean[] {true}, 0, -1, ROWS))
                .extracting(r -> r.get(2))
                .containsExactly(2.0, 6.0, 3.0, 5.0, 1.0, 4.0, 7.0);
    }

    @Test
    void whenDescendingNullsFirst_thenValuesAreReversedButNullsStayFirst() throws Exception {
        assertThat(sort(new int[] {0}, new boolean[] {true}, new boolean[] {true}, 0, -1, ROWS))
                .extracting(r -> r.get(2))
                .containsExactly(2.0, 6.0, 1.0, 4.0, 7.0, 3.0, 5.0);
    }

    @Test
    void whenDescendingNullsLast_thenNullsStayLast() throws Exception {
        assertThat(sort(new int[] {0}, new boolean[] {true}, new boolean[] {false}, 0, -1, ROWS))
                .extracting(r -> r.get(2))
                .containsExactly(1.0, 4.0, 7.0, 3.0, 5.0, 2.0, 6.0);
    }

    @Test
    void whenSortingBySeveralKeysWithMixedDirections_thenLaterKeysBreakTies() throws Exception {
        // ORDER BY k ASC NULLS LAST, s DESC NULLS FIRST
        assertThat(sort(new int[] {0, 1}, new boolean[] {false, true}, new boolean[] {false, true}, 0, -1, ROWS))
                .containsExactly(
                        row(1L, null, 3.0), row(1L, "c", 5.0),
                        row(2L, null, 7.0), row(2L, "b", 1.0), row(2L, "a", 4.0),
                        row(null, null, 6.0), row(null, "a", 2.0));
    }

    @Test
    void whenKeysTie_thenRowsKeepTheirArrivalOrder() throws Exception {
        assertThat(sort(new int[] {0}, new boolean[] {false}, new boolean[] {false}, 0, -1, ROWS))
                .filteredOn(r -> Long.valueOf(2L).equals(r.get(0)))
                .extracting(r -> r.get(2)).containsExactly(1.0, 4.0, 7.0);
    }

    @Test
    void whenOffsetAndFetch_thenOnlyThatWindowOfTheOrderIsEmitted() throws Exception {
        assertThat(sort(new int[] {2}, new boolean[] {true}, new boolean[] {false}, 2, 3, ROWS))
                .extracting(r -> r.get(2)).containsExactly(5.0, 4.0, 3.0);
    }

    @Test
    void whenOffsetWithoutFetch_thenTheRestAfterTheOffsetIsEmitted() throws Exception {
        assertThat(sort(new int[] {2}, new boolean[] {false}, new boolean[] {false}, 5, -1, ROWS))
                .extracting(r -> r.get(2)).containsExactly(6.0, 7.0);
    }

    @Test
    void whenOffsetIsBeyondTheInputOrFetchIsZero_thenNothingIsEmitted() throws Exception {
        assertThat(sort(new int[] {0}, new boolean[] {false}, new boolean[] {false}, 10, 5, ROWS)).isEmpty();
        assertThat(sort(new int[] {0}, new boolean[] {false}, new boolean[] {false}, 0, 0, ROWS)).isEmpty();
    }

    @Test
    void whenInputIsEmpty_thenNothingIsEmitted() throws Exception {
        assertThat(sort(new int[] {0}, new boolean[] {false}, new boolean[] {false}, 0, -1, List.of())).isEmpty();
        assertThat(sort(new int[] {0}, new boolean[] {false}, new boolean[] {false}, 0, 3, List.of())).isEmpty();
    }

    @Test
    void whenFetchIsHuge_thenEveryRowIsEmittedInOrder() throws Exception {
        assertThat(sort(new int[] {2}, new boolean[] {false}, new boolean[] {false}, 1, Long.MAX_VALUE, ROWS))
                .extracting(r -> r.get(2)).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    }

    @Test
    void whenTopNOverManyRows_thenItEqualsTheHeadOfAFullStableSort() throws Exception {
        Random random = new Random(3);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Long key = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
            rows.add(row(key, "r", (double) i));
        }
        List<List<Object>> full = sort(new int[] {0}, new boolean[] {true}, new boolean[] {false}, 0, -1, rows);
        Comparator<List<Object>> byKeyDescNullsLast = Comparator.comparing(r -> (Long) r.get(0),
                Comparator.nullsLast(Comparator.<Long>reverseOrder()));
        List<List<Object>> expected = rows.stream().sorted(byKeyDescNullsLast).toList();
        assertThat(full).containsExactlyElementsOf(expected);

        for (int[] window : new int[][] {{0, 1}, {0, 10}, {7, 25}, {1990, 20}, {100, 0}}) {
            assertThat(sort(new int[] {0}, new boolean[] {true}, new boolean[] {false}, window[0], window[1], rows))
                    .as("offset %d fetch %d", window[0], window[1])
                    .containsExactlyElementsOf(expected.subList(Math.min(window[0], expected.size()),
                            Math.min(window[0] + window[1], expected.size())));
        }
    }
}
