package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CastTest {

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    @Test
    void decimalAndDoubleToIntegerTruncateTowardZero() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(6, 2), x DOUBLE")
                .row(dec("2.99"), 2.99).row(dec("-2.99"), -2.99).row(null, null);
        assertThat(f.eval("CAST(d AS INT)")).containsExactly(2L, -2L, null);
        assertThat(f.eval("CAST(x AS BIGINT)")).containsExactly(2L, -2L, null);
        assertThat(f.eval("CAST(x AS TINYINT)")).containsExactly(2L, -2L, null);
    }

    @Test
    void toDecimalRoundsHalfUp() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(6, 3), x DOUBLE, i INT")
                .row(dec("1.245"), 1.245, 7).row(dec("-1.245"), -1.005, -7);
        assertThat(f.eval("CAST(d AS DECIMAL(5, 2))")).containsExactly(dec("1.25"), dec("-1.25"));
        assertThat(f.eval("CAST(x AS DECIMAL(5, 2))")).containsExactly(dec("1.25"), dec("-1.01"));
        assertThat(f.eval("CAST(i AS DECIMAL(5, 2))")).containsExactly(dec("7.00"), dec("-7.00"));
    }

    @Test
    void literalCastsFoldedAtPlanTimeRoundHalfUpAsAtRunTime() {
        assertThat(ExpressionFixture.value("CAST(12.345 AS DECIMAL(6, 2))")).isEqualTo(dec("12.35"));
        assertThat(ExpressionFixture.value("CAST(-12.345 AS DECIMAL(6, 2))")).isEqualTo(dec("-12.35"));
        assertThat(ExpressionFixture.value("CAST('12.345' AS DECIMAL(6, 2))")).isEqualTo(dec("12.35"));
    }

    @Test
    void whenValueIsOutOfRange_thenExecutionError() {
        ExpressionFixture f = ExpressionFixture.columns("i INT, x DOUBLE, d DECIMAL(10, 2)").row(300, 1e30, dec("12345.67"));
        assertThatThrownBy(() -> f.eval("CAST(i AS TINYINT)")).hasMessage("Value 300 is out of range for TINYINT");
        assertThatThrownBy(() -> f.eval("CAST(x AS BIGINT)")).hasMessageContaining("out of range for BIGINT");
        assertThatThrownBy(() -> f.eval("CAST(d AS DECIMAL(5, 2))")).hasMessage("Value 12345.67 does not fit DECIMAL(5, 2)");
        assertThatThrownBy(() -> f.eval("CAST(x AS DECIMAL(5, 2))")).hasMessageContaining("does not fit DECIMAL(5, 2)");
    }

    @Test
    void numbersToDouble() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(6, 3), b BIGINT").row(dec("1.125"), 3L);
        assertThat(f.eval("CAST(d AS DOUBLE)")).containsExactly(1.125);
        assertThat(f.eval("CAST(b AS DOUBLE)")).containsExactly(3.0);
        assertThat(f.eval("CAST(b AS FLOAT)")).containsExactly(3.0);
    }

    @Test
    void valuesToTextUseTheResultFormats() {
        ExpressionFixture f = ExpressionFixture.columns(
                        "i INT, d DECIMAL(6, 2), x DOUBLE, b BOOLEAN, dt DATE, ts TIMESTAMP(3), t TIME")
                .row(-5, dec("1.50"), 2.0, true, LocalDate.parse("2024-02-29"),
                        LocalDateTime.parse("2024-02-29T13:45:01.250"), LocalTime.parse("08:30:00"))
                .row(null, null, null, null, null, null, null);
        assertThat(f.eval("CAST(i AS VARCHAR)")).containsExactly("-5", null);
        assertThat(f.eval("CAST(d AS VARCHAR)")).containsExactly("1.50", null);
        assertThat(f.eval("CAST(x AS VARCHAR)")).containsExactly("2.0", null);
        assertThat(f.eval("CAST(b AS VARCHAR)")).containsExactly("TRUE", null);
        assertThat(f.eval("CAST(dt AS VARCHAR)")).containsExactly("2024-02-29", null);
        assertThat(f.eval("CAST(ts AS VARCHAR)")).containsExactly("2024-02-29 13:45:01.250", null);
        assertThat(f.eval("CAST(t AS VARCHAR)")).containsExactly("08:30:00", null);
    }

    @Test
    void textToValues() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR")
                .row(" 42 ").row((Object) null);
        assertThat(f.eval("CAST(s AS INT)")).containsExactly(42L, null);
        assertThat(f.eval("CAST(s AS DECIMAL(5, 1))")).containsExactly(dec("42.0"), null);
        assertThat(f.eval("CAST(s AS DOUBLE)")).containsExactly(42.0, null);
        ExpressionFixture t = ExpressionFixture.columns("s VARCHAR").row("2024-02-29 13:45:01.5");
        assertThat(t.eval("CAST(s AS TIMESTAMP(3))").get(0)).isEqualTo(LocalDateTime.parse("2024-02-29T13:45:01.500"));
        assertThat(ExpressionFixture.columns("s VARCHAR").row("2024-02-29").eval("CAST(s AS DATE)"))
                .containsExactly(LocalDate.parse("2024-02-29"));
        assertThat(ExpressionFixture.columns("s VARCHAR").row("TRUE").row("false").eval("CAST(s AS BOOLEAN)"))
                .containsExactly(true, false);
    }

    @Test
    void whenTextDoesNotParse_thenExecutionErrorNamingTheValue() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR").row("12x");
        assertThatThrownBy(() -> f.eval("CAST(s AS INT)"))
                .isInstanceOf(WeirException.class)
                .hasMessage("Cannot read '12x' as INT")
                .satisfies(e -> assertThat(((WeirException) e).kind()).isEqualTo(ErrorKind.EXECUTION));
        assertThatThrownBy(() -> f.eval("CAST(s AS DATE)")).hasMessage("Cannot read '12x' as DATE");
        assertThatThrownBy(() -> f.eval("CAST(s AS DECIMAL(5, 2))")).hasMessageContaining("'12x'");
        assertThatThrownBy(() -> ExpressionFixture.columns("s VARCHAR").row("99999999999").eval("CAST(s AS INT)"))
                .hasMessageContaining("out of range for INTEGER");
    }

    @Test
    void dateTimestampAndLocalZoneConversions() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3), d DATE, l TIMESTAMP(3) WITH LOCAL TIME ZONE")
                .row(LocalDateTime.parse("1969-12-31T23:59:59.999"), LocalDate.parse("2024-03-01"),
                        Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(f.eval("CAST(ts AS DATE)")).containsExactly(LocalDate.parse("1969-12-31"));
        assertThat(f.eval("CAST(d AS TIMESTAMP(3))")).containsExactly(LocalDateTime.parse("2024-03-01T00:00:00"));
        assertThat(f.eval("CAST(l AS TIMESTAMP(3))")).containsExactly(LocalDateTime.parse("2024-03-01T10:00:00"));
        assertThat(f.eval("CAST(ts AS TIMESTAMP(3) WITH LOCAL TIME ZONE)")).containsExactly(Instant.parse("1969-12-31T23:59:59.999Z"));
        assertThat(f.eval("CAST(ts AS TIME)")).containsExactly(LocalTime.parse("23:59:59"));
        assertThat(f.eval("CAST(ts AS TIMESTAMP(0))")).containsExactly(LocalDateTime.parse("1969-12-31T23:59:59"));
    }

    @Test
    void integerToBoolean() {
        ExpressionFixture f = ExpressionFixture.columns("i INT").row(0).row(3).row((Object) null);
        assertThat(f.eval("CAST(i AS BOOLEAN)")).containsExactly(false, true, null);
    }

    @Test
    void charColumnsAreNotPadded() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR").row("ab");
        assertThat(f.eval("CAST(s AS CHAR(5))")).containsExactly("ab");
        assertThat(f.eval("CAST(s AS VARCHAR(5)) || '|'")).containsExactly("ab|");
    }
}
