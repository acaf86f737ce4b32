package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void divideHalfUpRoundsHalvesAwayFromZero() {
        assertThat(Decimals.divideHalfUp(5, 2)).isEqualTo(3);
        assertThat(Decimals.divideHalfUp(-5, 2)).isEqualTo(-3);
        assertThat(Decimals.divideHalfUp(5, -2)).isEqualTo(-3);
        assertThat(Decimals.divideHalfUp(4, 3)).isEqualTo(1);
        assertThat(Decimals.divideHalfUp(-4, 3)).isEqualTo(-1);
        assertThat(Decimals.divideHalfUp(149, 100)).isEqualTo(1);
        assertThat(Decimals.divideHalfUp(150, 100)).isEqualTo(2);
    }

    @Test
    void rescaleUpChecksOverflowAndDownRounds() {
        assertThat(Decimals.rescale(125, 2, 1)).isEqualTo(13);
        assertThat(Decimals.rescale(-125, 2, 1)).isEqualTo(-13);
        assertThat(Decimals.rescale(12, 0, 3)).isEqualTo(12_000);
        assertThatThrownBy(() -> Decimals.rescale(Long.MAX_VALUE / 10, 0, 2)).hasMessageContaining("Numeric overflow");
    }

    @Test
    void whenProductExceedsLongButRoundedResultFits_thenExact() {
        long a = 3_000_000_001_000_000_000L; // 3.000000001 at scale 18
        long b = 3_000_000_001L;             // 3.000000001 at scale 9
        // exact product has scale 27; keep 9 fraction digits
        long expected = new BigDecimal(a).multiply(new BigDecimal(b)).movePointLeft(18)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        assertThat(Decimals.multiply(a, b, 18)).isEqualTo(expected).isEqualTo(9_000_000_006L);
    }

    @Test
    void divisionRoundsToTheResultScale() {
        assertThat(Decimals.divide(125, 2, 300, 2, 6)).isEqualTo(416_667);
        assertThat(Decimals.divide(-125, 2, 300, 2, 6)).isEqualTo(-416_667);
        assertThat(Decimals.divide(Long.MAX_VALUE, 0, Long.MAX_VALUE, 0, 6)).isEqualTo(1_000_000);
        assertThatThrownBy(() -> Decimals.divide(1, 0, 0, 0, 2)).hasMessage("Division by zero");
    }

    @Test
    void precisionCheckNamesTheType() {
        var type = io.weir.executor.data.DataType.decimal(5, 2);
        assertThat(Decimals.checkPrecision(99_999, type)).isEqualTo(99_999);
        assertThatThrownBy(() -> Decimals.checkPrecision(100_000, type)).hasMessage("Value 1000.00 does not fit DECIMAL(5, 2)");
    }
}
