package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LogicAndComparisonTest {

    /** Every pair of TRUE, FALSE and UNKNOWN, left-major. */
    private static ExpressionFixture truthPairs() {
        ExpressionFixture f = ExpressionFixture.columns("p BOOLEAN, q BOOLEAN");
        Boolean[] values = {true, false, null};
        for (Boolean p : values) {
            for (Boolean q : values) {
                f.row(p, q);
            }
        }
        return f;
    }

    @Test
    void andFollowsThreeValuedLogic() {
        assertThat(truthPairs().eval("p AND q")).containsExactly(
                true, false, null,
                false, false, false,
                null, false, null);
    }

    @Test
    void orFollowsThreeValuedLogic() {
        assertThat(truthPairs().eval("p OR q")).containsExactly(
                true, true, true,
                true, false, null,
                true, null, null);
    }

    @Test
    void notAndTheIsTestsNeverLoseUnknown() {
        ExpressionFixture f = ExpressionFixture.columns("p BOOLEAN").row(true).row(false).row((Object) null);
        assertThat(f.eval("NOT p")).containsExactly(false, true, null);
        assertThat(f.eval("p IS TRUE")).containsExactly(true, false, false);
        assertThat(f.eval("p IS NOT TRUE")).containsExactly(false, true, true);
        assertThat(f.eval("p IS FALSE")).containsExactly(false, true, false);
        assertThat(f.eval("p IS NOT FALSE")).containsExactly(true, false, true);
        assertThat(f.eval("p IS UNKNOWN")).containsExactly(false, false, true);
        assertThat(f.eval("p IS NOT UNKNOWN")).containsExactly(true, true, false);
        assertThat(f.eval("p IS NULL")).containsExactly(false, false, true);
        assertThat(f.eval("p IS NOT NULL")).containsExactly(true, true, false);
    }

    @Test
    void andOfThreeOperandsDecidesByAnyFalse() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b INT, c INT")
                .row(1, 1, 1).row(1, null, 0).row(null, 1, 1).row(0, null, null);
        assertThat(f.eval("a = 1 AND b = 1 AND c = 1")).containsExactly(true, false, null, false);
        assertThat(f.eval("a = 1 OR b = 1 OR c = 1")).containsExactly(true, true, true, null);
    }

    @Test
    void whenLeftSideOfAndIsFalse_thenRightSideIsNotEvaluated() {
        ExpressionFixture f = ExpressionFixture.columns("x INT").row(0).row(5).row(20).row((Object) null);
        assertThat(f.eval("x <> 0 AND 10 / x > 1")).containsExactly(false, true, false, null);
        assertThat(f.eval("x = 0 OR 10 / x > 1")).containsExactly(true, true, false, null);
    }

    @Test
    void whenEveryRowIsDecidedByTheLeftSide_thenRightSideIsSkipped() {
        ExpressionFixture f = ExpressionFixture.columns("x INT").row(0).row(0);
        assertThat(f.eval("x <> 0 AND 10 / x > 1")).containsExactly(false, false);
    }

    @Test
    void comparisonsOnIntegersDecimalsAndDoubles() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b INT").row(1, 2).row(2, 2).row(3, 2).row(null, 2);
        assertThat(f.eval("a = b")).containsExactly(false, true, false, null);
        assertThat(f.eval("a <> b")).containsExactly(true, false, true, null);
        assertThat(f.eval("a < b")).containsExactly(true, false, false, null);
        assertThat(f.eval("a <= b")).containsExactly(true, true, false, null);
        assertThat(f.eval("a > b")).containsExactly(false, false, true, null);
        assertThat(f.eval("a >= b")).containsExactly(false, true, true, null);
        assertThat(f.eval("2 < a")).containsExactly(false, false, true, null);
        ExpressionFixture d = ExpressionFixture.columns("d DECIMAL(6, 3), x DOUBLE")
                .row(new BigDecimal("1.500"), 1.5).row(new BigDecimal("-0.001"), -0.0);
        assertThat(d.eval("d = 1.5")).containsExactly(true, false);
        assertThat(d.eval("d < 0")).containsExactly(false, true);
        assertThat(d.eval("x = d")).containsExactly(true, false);
        assertThat(d.eval("x = 0")).containsExactly(false, true);
    }

    @Test
    void stringsCompareByCodePointOrderAndCharColumnsMatchLiterals() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR, c CHAR(3)")
                .row("apple", "abc").row("Banana", "xyz").row(null, null);
        assertThat(f.eval("s < 'b'")).containsExactly(true, true, null);
        assertThat(f.eval("s = 'apple'")).containsExactly(true, false, null);
        assertThat(f.eval("s >= 'apple'")).containsExactly(true, false, null);
        assertThat(f.eval("c = 'abc'")).containsExactly(true, false, null);
        assertThat(f.eval("s <> c")).containsExactly(true, true, null);
    }

    @Test
    void booleansOrderFalseBeforeTrue() {
        assertThat(truthPairs().eval("p < q")).containsExactly(
                false, false, null,
                true, false, null,
                null, null, null);
    }

    @Test
    void temporalValuesCompareAcrossDateAndTimestamp() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3), d DATE")
                .row(LocalDateTime.parse("2024-03-01T00:00:00"), LocalDate.parse("2024-03-01"))
                .row(LocalDateTime.parse("2024-03-01T00:00:00.001"), LocalDate.parse("2024-03-01"));
        assertThat(f.eval("ts = d")).containsExactly(true, false);
        assertThat(f.eval("ts > TIMESTAMP '2024-03-01 00:00:00'")).containsExactly(false, true);
        assertThat(f.eval("d = DATE '2024-03-01'")).containsExactly(true, true);
    }

    @Test
    void isDistinctFromTreatsNullsAsEqual() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b BIGINT")
                .row(1, 1L).row(1, 2L).row(null, 1L).row(null, null);
        assertThat(f.eval("a IS DISTINCT FROM b")).containsExactly(false, true, true, false);
        assertThat(f.eval("a IS NOT DISTINCT FROM b")).containsExactly(true, false, false, true);
        ExpressionFixture s = ExpressionFixture.columns("x VARCHAR, y VARCHAR").row("a", "a").row(null, "a").row(null, null);
        assertThat(s.eval("x IS NOT DISTINCT FROM y")).containsExactly(true, false, true);
    }

    @Test
    void betweenIncludesItsBoundsAndHandlesNull() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, lo INT").row(1, 1).row(5, 1).row(6, 1).row(null, 1).row(3, null);
        assertThat(f.eval("a BETWEEN 1 AND 5")).containsExactly(true, true, false, null, true);
        assertThat(f.eval("a NOT BETWEEN 1 AND 5")).containsExactly(false, false, true, null, false);
        assertThat(f.eval("a BETWEEN lo AND 5")).containsExactly(true, true, false, null, null);
    }
}
