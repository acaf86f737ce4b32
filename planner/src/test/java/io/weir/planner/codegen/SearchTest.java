package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchTest {

    @Test
    void inListMatchesItsValuesAndNullProbeIsUnknown() {
        ExpressionFixture f = ExpressionFixture.columns("a INT").row(1).row(4).row((Object) null);
        assertThat(f.eval("a IN (1, 2, 3)")).containsExactly(true, false, null);
        assertThat(f.eval("a NOT IN (1, 2, 3)")).containsExactly(false, true, null);
    }

    @Test
    void whenListHoldsNull_thenNonMatchesAreUnknown() {
        ExpressionFixture f = ExpressionFixture.columns("a INT").row(1).row(4).row((Object) null);
        assertThat(f.eval("a IN (1, NULL)")).containsExactly(true, null, null);
        assertThat(f.eval("a NOT IN (1, NULL)")).containsExactly(false, null, null);
    }

    @Test
    void stringAndCharInLists() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR, c CHAR(2)").row("a", "bb").row("bb", "zz").row(null, null);
        assertThat(f.eval("s IN ('a', 'bb')")).containsExactly(true, true, null);
        assertThat(f.eval("s NOT IN ('a', 'bb')")).containsExactly(false, false, null);
        assertThat(f.eval("c IN ('a', 'bb')")).containsExactly(true, false, null);
    }

    @Test
    void decimalDoubleAndDateLists() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(5, 2), x DOUBLE, i INT, dt DATE")
                .row(new BigDecimal("2.50"), 2.5, 2, LocalDate.parse("2024-02-29"))
                .row(new BigDecimal("1.00"), 1.0, 1, LocalDate.parse("2024-03-01"));
        assertThat(f.eval("d IN (1, 2.5)")).containsExactly(true, true);
        assertThat(f.eval("x IN (1, 2.5)")).containsExactly(true, true);
        assertThat(f.eval("i IN (1.5, 2)")).containsExactly(true, false);
        assertThat(f.eval("dt IN (DATE '2024-02-29', DATE '2023-01-01')")).containsExactly(true, false);
    }

    @Test
    void longListOfHundredValues() {
        String list = IntStream.range(0, 100).map(i -> i * 3).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        ExpressionFixture f = ExpressionFixture.columns("b BIGINT");
        for (long v = 0; v < 300; v++) {
            f.row(v);
        }
        var result = f.eval("b IN (" + list + ")");
        for (int v = 0; v < 300; v++) {
            assertThat(result.get(v)).as("row %d", v).isEqualTo(v % 3 == 0);
        }
    }

    @Test
    void rangesFromBetweenAndDisjunctions() {
        ExpressionFixture f = ExpressionFixture.columns("a INT").row(-5).row(0).row(3).row(10).row((Object) null);
        assertThat(f.eval("a > 2 OR a < -1")).containsExactly(true, false, true, true, null);
        assertThat(f.eval("a IN (0, 10) OR a BETWEEN 2 AND 4")).containsExactly(false, true, true, true, null);
        assertThat(f.eval("a IS NULL OR a IN (3)")).containsExactly(false, false, true, false, true);
    }
}
