package io.weir.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowComparisonTest {

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    @Test
    void whenRowsAreTheSameMultisetInAnotherOrder_thenUnorderedComparisonAgreesAndOrderedDoesNot() {
        List<List<Object>> h2 = List.of(row(dec("1"), "a"), row(dec("2"), null), row(dec("1"), "a"));
        List<List<Object>> weir = List.of(row(dec("2"), null), row(dec("1"), "a"), row(dec("1"), "a"));

        assertThat(RowComparison.mismatch(h2, weir, false)).isEmpty();
        assertThat(RowComparison.mismatch(h2, weir, true)).get().asString().contains("position 0");
    }

    @Test
    void whenADuplicateIsMissing_thenTheMultisetsDiffer() {
        List<List<Object>> h2 = List.of(row(dec("1")), row(dec("1")));
        List<List<Object>> weir = List.of(row(dec("1")));

        assertThat(RowComparison.mismatch(h2, weir, false)).get().asString().contains("H2 gave 2 rows, Weir 1");
    }

    @Test
    void decimalsCompareByValueAndAQuotientMatchesWhenRoundedToWeirsScale() {
        assertThat(SqlValues.matches(dec("2.5"), dec("2.50"))).isTrue();
        assertThat(SqlValues.matches(dec("6044.5769230769230769"), dec("6044.576923"))).isTrue();
        assertThat(SqlValues.matches(dec("6044.5769230769230769"), dec("6044.576924"))).isFalse();
        assertThat(SqlValues.matches(dec("2.4"), dec("2"))).as("an integer is never a rounded decimal").isFalse();
        assertThat(SqlValues.matches(dec("142.065000"), dec("142.07"))).as("scale 2 is an exact result").isFalse();
    }

    @Test
    void doublesMatchWithinARelativeToleranceButNotBeyond() {
        assertThat(SqlValues.matches(0.1 + 0.2, 0.3)).isTrue();
        assertThat(SqlValues.matches(dec("1.5"), 1.5)).isTrue();
        assertThat(SqlValues.matches(1.0, 1.0001)).isFalse();
    }

    @Test
    void nullMatchesOnlyNull() {
        assertThat(SqlValues.matches(null, null)).isTrue();
        assertThat(SqlValues.matches(null, dec("0"))).isFalse();
        assertThat(SqlValues.matches("", null)).isFalse();
    }

    @Test
    void weirTimestampTextIsReadAsATimestamp() {
        var node = com.fasterxml.jackson.databind.node.TextNode.valueOf("2024-01-02 03:04:05.670");

        assertThat(SqlValues.fromWeir(node, "TIMESTAMP(3)")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 670_000_000));
    }
}
