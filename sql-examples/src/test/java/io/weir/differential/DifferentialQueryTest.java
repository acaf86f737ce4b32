package io.weir.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DifferentialQueryTest {

    @Test
    void queriesEndAtASemicolonLineAndCommentLinesAreDropped() {
        List<DifferentialQuery> queries = DifferentialQuery.parse("area", List.of(
                "-- about the area", "SELECT 1;", "", "SELECT a", "  FROM t -- inline", "WHERE b = ';';"));

        assertThat(queries).extracting(DifferentialQuery::sql)
                .containsExactly("SELECT 1", "SELECT a\n  FROM t -- inline\nWHERE b = ';'");
        assertThat(queries).extracting(DifferentialQuery::line).containsExactly(2, 4);
    }

    @Test
    void anH2ReferenceBelongsToTheQueryBeforeIt() {
        List<DifferentialQuery> queries = DifferentialQuery.parse("area", List.of(
                "SELECT * FROM a FULL JOIN b ON a.x = b.x;", "--h2: SELECT 1", "--h2: UNION ALL SELECT 2;",
                "SELECT 3;"));

        assertThat(queries.get(0).reference()).isEqualTo("SELECT 1\nUNION ALL SELECT 2");
        assertThat(queries.get(1).reference()).isEqualTo("SELECT 3");
    }

    @Test
    void onlyAnOuterOrderByAsksForOrderedComparison() {
        assertThat(DifferentialQuery.hasOuterOrderBy("SELECT a FROM t ORDER BY a")).isTrue();
        assertThat(DifferentialQuery.hasOuterOrderBy("SELECT a FROM t UNION SELECT b FROM u\nORDER\n BY 1")).isTrue();
        assertThat(DifferentialQuery.hasOuterOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a LIMIT 3) x")).isFalse();
        assertThat(DifferentialQuery.hasOuterOrderBy("SELECT 'ORDER BY' FROM t")).isFalse();
    }

    @Test
    void h2SpellsFloorToUnitAsDateTrunc() {
        assertThat(H2Dialect.translate("SELECT FLOOR(ts TO DAY), FLOOR(x), floor(CAST(d AS TIMESTAMP(3)) to month) FROM t"))
                .isEqualTo("SELECT DATE_TRUNC('DAY', ts), FLOOR(x), DATE_TRUNC('MONTH', CAST(d AS TIMESTAMP(3))) FROM t");
    }
}
