package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CaseTest {

    @Test
    void whenBranchIsGuarded_thenItNeverSeesTheRowsThatWouldFail() {
        ExpressionFixture f = ExpressionFixture.columns("x INT").row(0).row(5).row((Object) null).row(-2);
        assertThat(f.eval("CASE WHEN x <> 0 THEN 10 / x ELSE 0 END")).containsExactly(0L, 2L, 0L, -5L);
    }

    @Test
    void whenUnguardedRowReachesTheBranch_thenItFails() {
        ExpressionFixture f = ExpressionFixture.columns("x INT").row(0);
        assertThatThrownBy(() -> f.eval("CASE WHEN x >= 0 THEN 10 / x ELSE 0 END")).hasMessage("Division by zero");
    }

    @Test
    void firstTrueConditionWinsAndUnknownFallsThrough() {
        ExpressionFixture f = ExpressionFixture.columns("a INT").row(1).row(2).row(3).row((Object) null);
        assertThat(f.eval("CASE WHEN a = 1 THEN 'one' WHEN a < 3 THEN 'small' WHEN a > 0 THEN 'big' ELSE 'none' END"))
                .containsExactly("one", "small", "big", "none");
        assertThat(f.eval("CASE a WHEN 1 THEN 10 WHEN 2 THEN 20 END")).containsExactly(10L, 20L, null, null);
    }

    @Test
    void branchesOfDifferentTypesTakeTheCaseType() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, d DECIMAL(5, 2)").row(1, new BigDecimal("2.50")).row(2, null);
        assertThat(f.eval("CASE WHEN a = 1 THEN a ELSE d END")).containsExactly(new BigDecimal("1.00"), null);
        assertThat(f.eval("CASE WHEN a = 1 THEN 1.5 ELSE 2 END")).containsExactly(new BigDecimal("1.5"), new BigDecimal("2.0"));
        assertThat(f.eval("CASE WHEN a = 1 THEN 0.5e0 ELSE a END")).containsExactly(0.5, 2.0);
    }

    @Test
    void coalesceNullifIfAndIfnull() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b INT").row(null, 2).row(1, null).row(null, null).row(0, 5);
        assertThat(f.eval("COALESCE(a, b, -1)")).containsExactly(2L, 1L, -1L, 0L);
        assertThat(f.eval("NULLIF(a, 0)")).containsExactly(null, 1L, null, null);
        assertThat(f.eval("IFNULL(a, 7)")).containsExactly(7L, 1L, 7L, 0L);
        assertThat(f.eval("IF(a > 0, 'pos', 'other')")).containsExactly("other", "pos", "other", "other");
    }

    @Test
    void coalesceEvaluatesALaterArgumentOnlyWhereTheEarlierOnesAreNull() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b INT").row(1, 0).row(null, 5).row(3, 0);
        assertThat(f.eval("COALESCE(a, 10 / b)")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void greatestAndLeastAreNullWhenAnyArgumentIs() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b INT").row(1, 2).row(3, null).row(5, 4);
        assertThat(f.eval("GREATEST(a, b)")).containsExactly(2L, null, 5L);
        assertThat(f.eval("LEAST(a, b)")).containsExactly(1L, null, 4L);
    }

    @Test
    void wholeChunkTakingOneBranchAndEmptyChunks() {
        ExpressionFixture all = ExpressionFixture.columns("s VARCHAR").row("a").row("b");
        assertThat(all.eval("CASE WHEN s IS NOT NULL THEN UPPER(s) ELSE 'x' END")).containsExactly("A", "B");
        assertThat(all.eval("CASE WHEN s IS NULL THEN UPPER(s) ELSE 'x' END")).containsExactly("x", "x");
        ExpressionFixture none = ExpressionFixture.columns("s VARCHAR");
        assertThat(none.eval("CASE WHEN s = 'a' THEN 1 ELSE 2 END")).isEmpty();
    }
}
