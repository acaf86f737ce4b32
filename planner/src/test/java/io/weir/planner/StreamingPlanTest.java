package io.weir.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which plan a query gets in each runtime mode, and what streaming refuses. */
class StreamingPlanTest {

    private static final Map<String, String> STREAMING = Map.of("execution.runtime-mode", "streaming");
    private static final String TUMBLE_COUNT = "SELECT window_start, window_end, k, COUNT(*) FROM TABLE("
            + "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k";

    private PlannerFixture fixture;

    @BeforeEach
    void createTables() {
        fixture = new PlannerFixture();
        fixture.plan("CREATE TABLE ev (k INT, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + " WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        fixture.plan("CREATE TABLE endless (k INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private StatementResult.Explain explain(String sql, Map<String, String> properties) {
        return (StatementResult.Explain) fixture.plan("EXPLAIN " + sql, properties);
    }

    @Test
    void whenAWindowAggregateRunsInBatch_thenItIsAHashAggregateOverTheWindowFunction() {
        StatementResult.Explain plan = explain(TUMBLE_COUNT, Map.of());

        assertThat(plan.physicalPlan()).contains("HashAggregatePhysicalRel").contains("TUMBLE(time=$2, size=10000ms)");
    }

    @Test
    void whenAWindowAggregateRunsStreaming_thenItIsAWindowAggregateThatFiresOnWatermarks() {
        StatementResult.Explain plan = explain(TUMBLE_COUNT, STREAMING);

        assertThat(plan.physicalPlan()).contains("WindowAggregatePhysicalRel");
        assertThat(plan.jobGraph()).contains("WindowAggregate(keys");
    }

    @Test
    void whenAKeyedHopAggregateRunsStreaming_thenOneOperatorAggregatesEachRowOnceIntoItsSlice() {
        StatementResult.Explain plan = explain("SELECT k, window_start, window_end, COUNT(*), MAX(v) FROM TABLE("
                + "HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) "
                + "GROUP BY k, window_start, window_end", STREAMING);

        assertThat(plan.jobGraph()).contains("sliced HOP").doesNotContain("WindowHOP");
    }

    @Test
    void whenAWindowAggregateHasNoKeyButTheWindow_thenItRunsSlicedInOneSubtask() {
        StatementResult.Explain plan = explain("SELECT window_start, window_end, MAX(v) FROM TABLE("
                + "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end",
                Map.of("execution.runtime-mode", "streaming", "parallelism.default", "2"));

        assertThat(plan.jobGraph()).contains("WindowAggregate(keys [], sliced TUMBLE").contains("(parallelism 1)");
    }

    @Test
    void whenAWindowAggregateCannotBeSliced_thenTheWindowFunctionFeedsAWindowAggregate() {
        String distinct = "SELECT k, window_start, window_end, COUNT(DISTINCT v) FROM TABLE("
                + "HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) "
                + "GROUP BY k, window_start, window_end";
        String windowTime = "SELECT k, window_time, COUNT(*) FROM TABLE("
                + "HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) "
                + "GROUP BY k, window_start, window_end, window_time";

        for (String sql : new String[] {distinct, windowTime}) {
            assertThat(explain(sql, STREAMING).jobGraph()).as(sql).contains("WindowAggregate(keys")
                    .doesNotContain("sliced");
        }
    }

    @Test
    void whenASourceIsUnbounded_thenTheQueryIsStreamingByItself() {
        StatementResult.Job job = (StatementResult.Job) fixture.plan("SELECT window_start, COUNT(*) FROM TABLE("
                + "HOP(TABLE endless, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '5' SECOND)) "
                + "GROUP BY window_start, window_end");

        assertThat(job.bounded()).isFalse();
        assertThat(job.streaming()).isTrue();
    }

    @Test
    void whenSessionsAreAggregatedStreaming_thenOneSessionAggregateKeepsPerSessionState() {
        StatementResult.Explain plan = explain("SELECT k, window_start, COUNT(*) FROM TABLE(SESSION(TABLE ev "
                + "PARTITION BY k, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY k, window_start, window_end", STREAMING);

        assertThat(plan.jobGraph()).contains("SessionWindowAggregate(keys [0], gap 5000ms)");
    }

    @Test
    void whenWindowsCascadeThroughAView_thenWindowTimeStaysATimeAttribute() {
        fixture.plan("CREATE VIEW per_ten AS SELECT k, window_time AS rowtime, COUNT(*) AS n FROM TABLE("
                + "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end, window_time");

        StatementResult.Explain plan = explain("SELECT window_start, SUM(n) FROM TABLE(TUMBLE(TABLE per_ten, "
                + "DESCRIPTOR(rowtime), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end", STREAMING);

        assertThat(plan.physicalPlan()).containsSubsequence("WindowAggregatePhysicalRel", "WindowAggregatePhysicalRel");
    }

    @Test
    void whenAnUnboundedInputIsGroupedWithoutAWindow_thenAGroupAggregateHashedByTheKeysUpdatesItsResult() {
        StatementResult.Explain plan = explain("SELECT k, COUNT(*), COUNT(DISTINCT ts) FILTER (WHERE k > 1) "
                + "FROM endless GROUP BY k", Map.of());

        assertThat(plan.physicalPlan()).contains("GroupAggregatePhysicalRel");
        assertThat(plan.jobGraph()).contains("GroupAggregate(keys [0])");
    }

    @Test
    void whenAWindowAggregateReadsAGroupBy_thenThePlanIsRefusedNamingTheWindowAggregate() {
        fixture.plan("CREATE VIEW latest AS SELECT ts, COUNT(*) AS n FROM endless GROUP BY ts");

        assertThatThrownBy(() -> fixture.plan("SELECT window_start, SUM(n) FROM TABLE(TUMBLE(TABLE latest, "
                + "DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end"))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("cannot read the updating result of a GROUP BY")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.PLAN);
    }

    @Test
    void whenAGroupByReadsAnotherGroupBy_thenTheOuterOneRetractsAndTheInnerOneKeepsTheInsertOnlyState() {
        StatementResult.Explain plan = explain("SELECT n, COUNT(*), SUM(k), AVG(k), MIN(k), MAX(k) FROM ("
                + "SELECT k, COUNT(*) AS n FROM endless GROUP BY k) GROUP BY n", Map.of());

        assertThat(plan.jobGraph()).containsSubsequence("GroupAggregate(keys [0]) ", "GroupAggregate(keys [0], retracting)");
    }

    @Test
    void whenAGroupByReadsAFilteredGroupBy_thenItPlansAsARetractingGroupBy() {
        StatementResult.Explain plan = explain("SELECT COUNT(*) FROM (SELECT k, COUNT(*) AS n FROM endless "
                + "GROUP BY k HAVING COUNT(*) > 2) WHERE n < 10", Map.of());

        assertThat(plan.jobGraph()).contains("GroupAggregate(global, retracting)");
    }

    @Test
    void whenADistinctAggregateReadsAGroupBy_thenItPlansAsARetractingGroupBy() {
        StatementResult.Explain plan = explain("SELECT COUNT(DISTINCT n), SUM(DISTINCT n) FROM (SELECT k, COUNT(*) AS n "
                + "FROM endless GROUP BY k)", Map.of());

        assertThat(plan.jobGraph()).contains("GroupAggregate(global, retracting)");
    }

    @Test
    void whenAFunctionThatCannotTakeARowBackReadsAGroupBy_thenThePlanIsRefusedNamingIt() {
        assertThatThrownBy(() -> fixture.plan("SELECT n, ANY_VALUE(k) FROM (SELECT k, COUNT(*) AS n FROM endless "
                + "GROUP BY k) GROUP BY n"))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("ANY_VALUE cannot read the updating result of a GROUP BY")
                .hasMessageContaining("COUNT, SUM, AVG, MIN and MAX");
    }

    @Test
    void whenAnUpdatingResultIsWrittenToAnAppendOnlyTable_thenThePlanIsRefusedNamingTheTable() {
        fixture.plan("CREATE TABLE counts (k INT, n BIGINT)");

        assertThatThrownBy(() -> fixture.plan("INSERT INTO counts SELECT k, COUNT(*) FROM endless GROUP BY k"))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("Table 'counts' (a managed table) accepts only inserted rows");
    }

    @Test
    void whenAnUpdatingResultIsWrittenToABlackholeOrADistinctToAnAppendOnlyTable_thenBothPlan() {
        fixture.plan("CREATE TABLE sink (k INT, n BIGINT) WITH ('connector' = 'blackhole')");
        fixture.plan("CREATE TABLE keys (k INT)");

        assertThat(explain("INSERT INTO sink SELECT k, COUNT(*) FROM endless GROUP BY k", Map.of()).physicalPlan())
                .contains("GroupAggregatePhysicalRel");
        assertThat(explain("INSERT INTO keys SELECT DISTINCT k FROM endless", Map.of()).physicalPlan())
                .contains("GroupAggregatePhysicalRel");
    }

    @Test
    void whenAJoinReadsAGroupBy_thenThePlanIsRefusedNamingTheJoin() {
        assertThatThrownBy(() -> fixture.plan("SELECT * FROM (SELECT k, COUNT(*) AS n FROM endless GROUP BY k) a "
                + "JOIN endless b ON a.k = b.k"))
                .hasMessageContaining("A join cannot read the updating result of a GROUP BY");
    }

    @Test
    void whenUnboundedInputsAreInnerJoinedOnAKey_thenARegularStreamingJoinKeepsBothSides() {
        StatementResult.Explain plan = explain("SELECT * FROM endless a JOIN endless b ON a.k = b.k", Map.of());

        assertThat(plan.physicalPlan()).contains("StreamingJoinPhysicalRel");
        assertThat(plan.jobGraph()).contains("Join(INNER)").doesNotContain("WindowJoin");
    }

    @Test
    void whenTwoWindowAggregatesAreJoinedOnTheirWindowEnds_thenAWindowJoinFreesEachWindowOnTheWatermark() {
        String perWindow = "SELECT k, window_start AS ws, window_end AS we, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE "
                + "endless, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end";
        StatementResult.Explain plan = explain("SELECT a.k, a.n, b.n FROM (" + perWindow + ") a JOIN (" + perWindow
                + ") b ON a.k = b.k AND a.ws = b.ws AND a.we = b.we", Map.of());

        assertThat(plan.jobGraph()).contains("WindowJoin(INNER)");
    }

    @Test
    void whenAJoinBoundsARowsTimeByTheOtherSidesWindowEnds_thenThoseRowsAreKeptOnlyThatLong() {
        fixture.plan("CREATE TABLE bids (price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
                + "WITH ('connector' = 'datagen')");
        StatementResult.Explain plan = explain("SELECT b.price, b.ts FROM bids b JOIN (SELECT MAX(price) AS top, "
                + "window_end AS we FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
                + "GROUP BY window_start, window_end) w ON b.price = w.top "
                + "WHERE b.ts BETWEEN w.we - INTERVAL '10' SECOND AND w.we", Map.of());

        assertThat(plan.jobGraph()).contains("Join(INNER, left rows kept 9999 ms behind the watermark rounded down "
                + "to window ends every 10000 ms)");
    }

    @Test
    void whenBothRowtimesBoundEachOther_thenAnIntervalJoinKeepsEachSideOnlyThatLong() {
        StatementResult.Explain plan = explain("SELECT a.k FROM endless a JOIN endless b ON a.k = b.k "
                + "AND a.ts BETWEEN b.ts - INTERVAL '10' SECOND AND b.ts + INTERVAL '5' SECOND", Map.of());

        assertThat(plan.jobGraph()).contains("IntervalJoin(INNER, left rows kept 10000 ms behind the watermark, "
                + "right rows kept 5000 ms behind the watermark)");
    }

    @Test
    void whenAJoinBoundsOnlyOneRowtimeByTheOther_thenItStaysARegularJoin() {
        StatementResult.Explain plan = explain("SELECT a.k FROM endless a JOIN endless b ON a.k = b.k "
                + "AND a.ts >= b.ts - INTERVAL '10' SECOND", Map.of());

        assertThat(plan.jobGraph()).contains("Join(INNER)");
    }

    @Test
    void whenAJoinReadsTheSameSubqueryTwice_thenItRunsOnceAndFeedsBothSides() {
        String perWindow = "SELECT k, window_start AS ws, window_end AS we, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE "
                + "endless, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end";
        StatementResult.Explain plan = explain("SELECT a.k, b.k FROM (" + perWindow + ") a JOIN (" + perWindow
                + ") b ON a.n = b.n AND a.ws = b.ws AND a.we = b.we", Map.of());

        assertThat(plan.jobGraph().split("Scan\\(endless\\)", -1)).hasSize(2);
        assertThat(plan.jobGraph().split("WindowAggregate", -1)).hasSize(2);
    }

    @Test
    void whenUnboundedInputsAreOuterJoined_thenThePlanIsRefusedNamingTheJoin() {
        assertThatThrownBy(() -> fixture.plan("SELECT * FROM endless a LEFT JOIN endless b ON a.k = b.k"))
                .hasMessageContaining("LEFT OUTER joins over unbounded inputs");
    }

    @Test
    void whenUnboundedInputsAreJoinedWithoutAnEquality_thenThePlanIsRefused() {
        assertThatThrownBy(() -> fixture.plan("SELECT * FROM endless a JOIN endless b ON a.k < b.k"))
                .hasMessageContaining("needs at least one equality");
    }

    @Test
    void whenAWindowIsAppliedAfterAStreamingJoin_thenThePlanIsRefused() {
        fixture.plan("CREATE VIEW joined AS SELECT a.k, a.ts FROM endless a JOIN endless b ON a.k = b.k");

        assertThatThrownBy(() -> fixture.plan("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE joined, "
                + "DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end"))
                .hasMessageContaining("Time attributes do not survive a join");
    }

    @Test
    void whenAnUnboundedInputIsSortedByANonTimeColumn_thenThePlanIsRefused() {
        assertThatThrownBy(() -> fixture.plan("SELECT * FROM endless ORDER BY k"))
                .hasMessageContaining("ascending time attribute");
    }

    @Test
    void whenAnUnboundedInputIsSortedByItsRowtime_thenAStreamingSortRunsIt() {
        StatementResult.Explain plan = explain("SELECT * FROM endless ORDER BY ts LIMIT 5", Map.of());

        assertThat(plan.physicalPlan()).contains("StreamingSortPhysicalRel");
    }

    @Test
    void whenBatchModeIsAskedForAnUnboundedSource_thenThePlanIsRefused() {
        assertThatThrownBy(() -> fixture.plan("SELECT * FROM endless", Map.of("execution.runtime-mode", "batch")))
                .hasMessageContaining("unbounded");
    }

    @Test
    void whenTheWindowColumnIsNotATimeAttribute_thenValidationFailsAtTheColumn() {
        fixture.plan("CREATE TABLE plain (ts TIMESTAMP(3)) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");

        assertThatThrownBy(() -> fixture.plan("SELECT * FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '1' SECOND))"))
                .hasMessageContaining("not a time attribute")
                .extracting(e -> ((WeirException) e).column()).isEqualTo(52);
    }

    @Test
    void whenAHopSizeIsNotAMultipleOfItsSlide_thenTheErrorSaysSo() {
        assertThatThrownBy(() -> fixture.plan("SELECT * FROM TABLE(HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '3' SECOND, "
                + "INTERVAL '10' SECOND))")).hasMessageContaining("multiple");
    }
}
