package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    @Test
    void integerArithmeticFollowsSqlAndPropagatesNull() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b INT")
                .row(7, 2).row(-7, 2).row(null, 2).row(7, null);
        assertThat(f.eval("a + b")).containsExactly(9L, -5L, null, null);
        assertThat(f.eval("a - b")).containsExactly(5L, -9L, null, null);
        assertThat(f.eval("a * b")).containsExactly(14L, -14L, null, null);
        assertThat(f.eval("a / b")).containsExactly(3L, -3L, null, null);
        assertThat(f.eval("a % b")).containsExactly(1L, -1L, null, null);
        assertThat(f.eval("MOD(a, b)")).containsExactly(1L, -1L, null, null);
        assertThat(f.eval("-a")).containsExactly(-7L, 7L, null, -7L);
    }

    @Test
    void columnWithLiteralUsesEitherOperandOrder() {
        ExpressionFixture f = ExpressionFixture.columns("a BIGINT").row(10L).row(3L).row((Object) null);
        assertThat(f.eval("a - 1")).containsExactly(9L, 2L, null);
        assertThat(f.eval("100 - a")).containsExactly(90L, 97L, null);
        assertThat(f.eval("100 / a")).containsExactly(10L, 33L, null);
        assertThat(f.eval("a * CAST(NULL AS BIGINT)")).containsExactly(null, null, null);
        assertThat(f.eval("a + CAST(NULL AS INT)")).containsExactly(null, null, null);
    }

    @Test
    void whenIntegerResultOverflows_thenExecutionError() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b BIGINT").row(Integer.MAX_VALUE, Long.MAX_VALUE);
        assertThatThrownBy(() -> f.eval("a + 1"))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("Numeric overflow")
                .satisfies(e -> assertThat(((WeirException) e).kind()).isEqualTo(ErrorKind.EXECUTION));
        assertThatThrownBy(() -> f.eval("b * 2")).hasMessageContaining("Numeric overflow");
        assertThatThrownBy(() -> f.eval("-b - 2")).hasMessageContaining("Numeric overflow");
    }

    @Test
    void whenOverflowingRowIsNull_thenNoError() {
        // The value behind a NULL is arbitrary; it must never raise an error.
        ExpressionFixture f = ExpressionFixture.columns("a BIGINT, b BIGINT").row(Long.MAX_VALUE, null).row(1L, 2L);
        assertThat(f.eval("a + b")).containsExactly(null, 3L);
        assertThat(f.eval("a / b")).containsExactly(null, 0L);
    }

    @Test
    void whenIntegerDividesByZero_thenExecutionError() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, b INT").row(1, 0);
        assertThatThrownBy(() -> f.eval("a / b")).isInstanceOf(WeirException.class).hasMessage("Division by zero");
        assertThatThrownBy(() -> f.eval("a % b")).hasMessage("Division by zero");
        assertThatThrownBy(() -> f.eval("a / 0")).hasMessage("Division by zero");
    }

    @Test
    void whenDecimalDividesByZero_thenExecutionError() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(10, 2)").row(dec("1.50"));
        assertThatThrownBy(() -> f.eval("d / 0")).hasMessage("Division by zero");
        assertThatThrownBy(() -> f.eval("d / 0.0")).hasMessage("Division by zero");
    }

    @Test
    void doubleDivisionFollowsIeee() {
        ExpressionFixture f = ExpressionFixture.columns("x DOUBLE").row(1.0).row(-1.0).row(0.0);
        assertThat(f.eval("x / 0")).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
    }

    @Test
    void decimalAdditionIsExact() {
        assertThat(ExpressionFixture.value("0.1 + 0.2")).isEqualTo(dec("0.3"));
        assertThat(ExpressionFixture.value("0.1 + 0.2 = 0.3")).isEqualTo(true);
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(10, 2), e DECIMAL(5, 1)")
                .row(dec("0.10"), dec("0.2")).row(dec("-1.25"), dec("1.0")).row(null, dec("1.0"));
        assertThat(f.eval("d + e")).containsExactly(dec("0.30"), dec("-0.25"), null);
        assertThat(f.eval("d - e")).containsExactly(dec("-0.10"), dec("-2.25"), null);
        assertThat(f.eval("d + e = 0.3")).containsExactly(true, false, null);
    }

    @Test
    void decimalMultiplicationAndDivisionRoundHalfUp() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(10, 2), e DECIMAL(10, 2)")
                .row(dec("1.25"), dec("3.00")).row(dec("-1.25"), dec("3.00")).row(dec("2.00"), dec("0.03"));
        assertThat(f.eval("d * e")).containsExactly(dec("3.7500"), dec("-3.7500"), dec("0.0600"));
        // DECIMAL(19, 6): 1.25 / 3 = 0.416666..., rounded half up
        assertThat(f.eval("d / e")).containsExactly(dec("0.416667"), dec("-0.416667"), dec("66.666667"));
        assertThat(f.eval("d / 3")).containsExactly(dec("0.416667"), dec("-0.416667"), dec("0.666667"));
        assertThat(ExpressionFixture.value("1.0 / 3")).isEqualTo(dec("0.333333333333"));
    }

    @Test
    void mixedIntegerAndDecimalOperandsAreCoerced() {
        ExpressionFixture f = ExpressionFixture.columns("i INT, d DECIMAL(10, 2), b BIGINT")
                .row(3, dec("1.50"), 1000L).row(-2, dec("0.25"), 7L);
        assertThat(f.eval("i + d")).containsExactly(dec("4.50"), dec("-1.75"));
        assertThat(f.eval("d * i")).containsExactly(dec("4.50"), dec("-0.50"));
        assertThat(f.eval("i * 0.1")).containsExactly(dec("0.3"), dec("-0.2"));
        assertThat(f.eval("d > i")).containsExactly(false, true);
        assertThat(f.eval("b / 2.5")).containsExactly(dec("400.000000"), dec("2.800000"));
    }

    @Test
    void benchmarkShapeColumnTimesDecimalLiteralComparedWithInteger() {
        ExpressionFixture f = ExpressionFixture.columns("price BIGINT")
                .row(100L).row(110L).row(111L).row((Object) null).row(0L);
        assertThat(f.eval("price * 0.908")).containsExactly(dec("90.800"), dec("99.880"), dec("100.788"), null, dec("0.000"));
        assertThat(f.eval("price * 0.908 > 100")).containsExactly(false, false, true, null, false);
    }

    @Test
    void mixedIntegerAndDoubleOperandsAreCoerced() {
        ExpressionFixture f = ExpressionFixture.columns("x DOUBLE, i INT, b BIGINT").row(1.5, 2, 3L).row(null, 1, 1L);
        assertThat(f.eval("x + i")).containsExactly(3.5, null);
        assertThat(f.eval("b * x")).containsExactly(4.5, null);
        assertThat(f.eval("x > b")).containsExactly(false, null);
        assertThat(f.eval("i / 2.0e0")).containsExactly(1.0, 0.5);
    }

    @Test
    void whenDecimalProductDoesNotFitItsType_thenOverflowError() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(18, 8)").row(dec("9999999.99999999"));
        assertThatThrownBy(() -> f.eval("d * d")).hasMessageContaining("Numeric overflow");
        ExpressionFixture g = ExpressionFixture.columns("d DECIMAL(19, 9)").row(dec("3.000000001"));
        assertThat(g.eval("d * d")).containsExactly(dec("9.000000006000000001"));
    }

    @Test
    void smallIntegerTypesCheckTheirOwnRange() {
        ExpressionFixture f = ExpressionFixture.columns("t TINYINT, s SMALLINT").row(100, 30000);
        assertThatThrownBy(() -> f.eval("t + t")).hasMessageContaining("Numeric overflow");
        assertThatThrownBy(() -> f.eval("s + s")).hasMessageContaining("Numeric overflow");
        assertThat(f.eval("t + 1")).containsExactly(101L);
    }

    @Test
    void unaryMinusOnEveryNumericKind() {
        ExpressionFixture f = ExpressionFixture.columns("i INT, d DECIMAL(5, 2), x DOUBLE, t TINYINT")
                .row(5, dec("1.25"), 2.5, -128).row(null, null, null, null);
        assertThat(f.eval("-i")).containsExactly(-5L, null);
        assertThat(f.eval("-d")).containsExactly(dec("-1.25"), null);
        assertThat(f.eval("-x")).containsExactly(-2.5, null);
        assertThatThrownBy(() -> ExpressionFixture.columns("t TINYINT").row(-128).eval("-t"))
                .hasMessageContaining("out of range");
    }

    @Test
    void doubleRemainderAndIntegerDivisionTruncate() {
        ExpressionFixture f = ExpressionFixture.columns("x DOUBLE, i INT").row(7.5, -7);
        assertThat(f.eval("i / 2")).containsExactly(-3L);
        assertThat(f.eval("x - i")).containsExactly(14.5);
    }
}
