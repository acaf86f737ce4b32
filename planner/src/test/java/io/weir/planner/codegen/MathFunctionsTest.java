package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    @Test
    void absOnEveryNumericKind() {
        ExpressionFixture f = ExpressionFixture.columns("i INT, d DECIMAL(5, 2), x DOUBLE")
                .row(-3, dec("-1.25"), -2.5).row(null, null, null);
        assertThat(f.eval("ABS(i)")).containsExactly(3L, null);
        assertThat(f.eval("ABS(d)")).containsExactly(dec("1.25"), null);
        assertThat(f.eval("ABS(x)")).containsExactly(2.5, null);
        assertThatThrownBy(() -> ExpressionFixture.columns("b BIGINT").row(Long.MIN_VALUE).eval("ABS(b)"))
                .hasMessageContaining("Numeric overflow");
    }

    @Test
    void roundIsHalfUpOnDecimalsDoublesAndIntegers() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(6, 3), x DOUBLE, i INT")
                .row(dec("2.345"), 2.345, 15).row(dec("-2.345"), -2.345, -15).row(dec("2.5"), 2.5, 149);
        assertThat(f.eval("ROUND(d, 2)")).containsExactly(dec("2.350"), dec("-2.350"), dec("2.500"));
        assertThat(f.eval("ROUND(d)")).containsExactly(dec("2.000"), dec("-2.000"), dec("3.000"));
        assertThat(f.eval("ROUND(x, 2)")).containsExactly(2.35, -2.35, 2.5);
        assertThat(f.eval("ROUND(x)")).containsExactly(2.0, -2.0, 3.0);
        assertThat(f.eval("ROUND(i, -1)")).containsExactly(20L, -20L, 150L);
        assertThat(f.eval("ROUND(i, -2)")).containsExactly(0L, 0L, 100L);
    }

    @Test
    void truncateDropsDigitsTowardZero() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(6, 3), x DOUBLE").row(dec("-2.349"), 2.349);
        assertThat(f.eval("TRUNCATE(d, 1)")).containsExactly(dec("-2.300"));
        assertThat(f.eval("TRUNCATE(x, 2)")).containsExactly(2.34);
        assertThat(f.eval("TRUNCATE(x)")).containsExactly(2.0);
    }

    @Test
    void floorAndCeilOfNumbers() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(6, 2), x DOUBLE, i INT")
                .row(dec("-1.50"), -1.5, 4).row(dec("1.01"), 1.01, -4);
        assertThat(f.eval("FLOOR(d)")).containsExactly(dec("-2"), dec("1"));
        assertThat(f.eval("CEIL(d)")).containsExactly(dec("-1"), dec("2"));
        assertThat(f.eval("CEILING(x)")).containsExactly(-1.0, 2.0);
        assertThat(f.eval("FLOOR(x)")).containsExactly(-2.0, 1.0);
        assertThat(f.eval("FLOOR(i)")).containsExactly(4L, -4L);
    }

    @Test
    void signPowerAndTranscendentalFunctions() {
        ExpressionFixture f = ExpressionFixture.columns("i INT, d DECIMAL(5, 2), x DOUBLE").row(-4, dec("2.50"), 100.0);
        assertThat(f.eval("SIGN(i)")).containsExactly(-1L);
        assertThat(f.eval("SIGN(d)")).containsExactly(dec("1.00"));
        assertThat(f.eval("POWER(i, 2)")).containsExactly(16.0);
        assertThat(f.eval("SQRT(x)")).containsExactly(10.0);
        assertThat(f.eval("LOG10(x)")).containsExactly(2.0);
        assertThat((Double) f.eval("LN(x)").get(0)).isCloseTo(Math.log(100), within(1e-12));
        assertThat((Double) f.eval("EXP(d)").get(0)).isCloseTo(Math.exp(2.5), within(1e-12));
        assertThat(f.eval("LOG2(x / 25)")).containsExactly(2.0);
        assertThat((Double) f.eval("LOG(10, x)").get(0)).as("base first, as in Flink").isCloseTo(2.0, within(1e-12));
        assertThat((Double) f.eval("LOG(x)").get(0)).isCloseTo(Math.log(100), within(1e-12));
        assertThat(f.eval("LN(i)")).containsExactly(Double.NaN);
        assertThat((Double) ExpressionFixture.value("PI")).isEqualTo(Math.PI);
    }

    @Test
    void randIsFreshPerRowAndInRange() {
        ExpressionFixture f = ExpressionFixture.columns("i INT");
        for (int i = 0; i < 50; i++) {
            f.row(i);
        }
        var values = f.eval("RAND()");
        assertThat(values).allSatisfy(v -> assertThat((Double) v).isBetween(0.0, 1.0));
        assertThat(values.stream().distinct().count()).isGreaterThan(1);
    }
}
