package io.weir.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which ROW_NUMBER() queries become a Top-N rank, and what other OVER uses are told. */
class TopNPlanTest {

    private static final Map<String, String> STREAMING = Map.of("execution.runtime-mode", "streaming");

    private PlannerFixture fixture;

    @BeforeEach
    void createTables() {
        fixture = new PlannerFixture();
        fixture.plan("CREATE TABLE ev (k INT, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + " WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        fixture.plan("CREATE TABLE endless (k INT, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
                + "WITH ('connector' = 'datagen')");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private StatementResult.Explain explain(String sql, Map<String, String> properties) {
        return (StatementResult.Explain) fixture.plan("EXPLAIN " + sql, properties);
    }

    @Test
    void whenTheRowNumberIsFilteredAndSelected_thenOneRankKeepsTheTopRowsAndNumbersThem() {
        StatementResult.Explain plan = explain("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k "
                + "ORDER BY v DESC) AS rn FROM endless) WHERE rn <= 3", STREAMING);

        assertThat(plan.logicalPlan()).contains("LogicalRank").doesNotContain("ROW_NUMBER");
        assertThat(plan.physicalPlan()).contains("RankPhysicalRel(partition=[[0]]")
                .contains("limit=[3]").contains("rowNumber=[true]");
        assertThat(plan.jobGraph()).contains("Rank(keys [0], top 3, row number)");
    }

    @Test
    void whenTheRowNumberIsOnlyFiltered_thenTheRankDoesNotOutputIt() {
        StatementResult.Explain plan = explain("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k "
                + "ORDER BY v DESC) AS rn FROM endless) WHERE rn < 4", STREAMING);

        assertThat(plan.physicalPlan()).contains("limit=[3]").contains("rowNumber=[false]");
    }

    @Test
    void whenDeduplicatingByTheLatestRowtime_thenALaterRowOfEqualTimeWins() {
        StatementResult.Explain plan = explain("SELECT k, v, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k, v "
                + "ORDER BY ts DESC) AS rn FROM endless) WHERE rn = 1", STREAMING);

        assertThat(plan.physicalPlan()).contains("partition=[[0, 1]]").contains("limit=[1]")
                .contains("newerWinsTies=[true]");
    }

    @Test
    void whenOtherConditionsFilterTheRankedRows_thenTheyStayAboveTheRank() {
        StatementResult.Explain plan = explain("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v) AS rn "
                + "FROM ev) WHERE v > 5 AND 2 >= rn", Map.of());

        assertThat(plan.physicalPlan()).contains("RankPhysicalRel").contains("partition=[[]]").contains("limit=[2]")
                .contains(">($t1, $t3)").contains("rowNumber=[false]");
        assertThat(plan.jobGraph()).contains("Rank(global, top 2)");
    }

    @Test
    void whenThePartitionAndOrderKeysAreExpressions_thenTheyAreComputedBeforeTheRank() {
        StatementResult.Explain plan = explain("SELECT k2, v FROM (SELECT k2, v, ROW_NUMBER() OVER (PARTITION BY k2 "
                + "ORDER BY -v) AS rn FROM (SELECT MOD(k, 2) AS k2, v FROM ev)) WHERE rn <= 2", Map.of());

        assertThat(plan.physicalPlan()).contains("RankPhysicalRel").contains("limit=[2]");
    }

    @Test
    void whenOtherOverWindowsAreUsed_thenThePlanIsRefusedNamingWhatIsSupported() {
        for (String sql : new String[] {
                "SELECT k, SUM(v) OVER (PARTITION BY k ORDER BY ts) FROM endless",
                "SELECT k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) FROM endless",
                "SELECT * FROM (SELECT *, RANK() OVER (PARTITION BY k ORDER BY v) AS r FROM ev) WHERE r <= 2",
                "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS r FROM ev) WHERE r > 2"}) {
            assertThatThrownBy(() -> fixture.plan(sql)).as(sql)
                    .isInstanceOf(WeirException.class)
                    .hasMessageContaining("Only ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) filtered to the top N")
                    .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.PLAN);
        }
    }

    @Test
    void whenATopNReadsAnUpdatingResult_thenThePlanIsRefused() {
        assertThatThrownBy(() -> fixture.plan("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY n DESC) AS rn "
                + "FROM (SELECT k, COUNT(*) AS n FROM endless GROUP BY k)) WHERE rn <= 3"))
                .hasMessageContaining("A Top-N (ROW_NUMBER() OVER ... filtered to the first rows) cannot read the "
                        + "updating result");
    }

    @Test
    void whenAGroupByReadsATopN_thenItTakesBackTheRowsThatLeaveTheTopN() {
        StatementResult.Explain plan = explain("SELECT k, COUNT(*), MIN(v) FROM (SELECT k, v FROM (SELECT *, "
                + "ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM endless) WHERE rn <= 3) GROUP BY k",
                STREAMING);

        assertThat(plan.jobGraph()).containsSubsequence("Rank(keys [0], top 3)", "GroupAggregate(keys [0], retracting)");
    }

    @Test
    void whenATopNIsWrittenToAnAppendOnlyTable_thenThePlanIsRefusedButABlackholeTakesIt() {
        fixture.plan("CREATE TABLE kept (k INT, v BIGINT)");
        fixture.plan("CREATE TABLE sink (k INT, v BIGINT) WITH ('connector' = 'blackhole')");
        String topN = "SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn "
                + "FROM endless) WHERE rn <= 2";

        assertThatThrownBy(() -> fixture.plan("INSERT INTO kept " + topN))
                .hasMessageContaining("Table 'kept' (a managed table) accepts only inserted rows");
        assertThat(fixture.plan("EXPLAIN INSERT INTO sink " + topN)).isNotNull();
    }

    @Test
    void whenTheInputIsBounded_thenTheSameRankRunsInBatch() {
        StatementResult.Explain plan = explain("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k "
                + "ORDER BY v DESC, ts) AS rn FROM ev) WHERE rn <= 1", Map.of());

        assertThat(plan.physicalPlan()).contains("RankPhysicalRel").contains("limit=[1]");
        assertThat(plan.jobGraph()).contains("Rank(keys [0], top 1, row number)");
    }
}
