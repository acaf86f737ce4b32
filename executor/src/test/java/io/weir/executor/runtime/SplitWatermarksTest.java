package io.weir.executor.runtime;

import static io.weir.executor.data.WatermarkStatus.ACTIVE;
import static io.weir.executor.data.WatermarkStatus.IDLE;
import static io.weir.executor.testing.TimestampEvaluators.boundedOutOfOrderness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitWatermarksTest {

    private static final long START = 1_000;

    private final RecordingWatermarkOutput out = new RecordingWatermarkOutput();

    private SplitWatermarks splits(WatermarkStrategy strategy, int splitCount) {
        return new SplitWatermarks(strategy, splitCount, START, out);
    }

    /** Every tick emits; never idle; the watermark is the largest timestamp (no delay). */
    private SplitWatermarks eager(int splitCount) {
        return splits(boundedOutOfOrderness(0, 0, 0, 0), splitCount);
    }

    private static Chunk timestamps(long... values) {
        return new Chunk(new Vector[] {LongVector.wrap(values.clone())}, values.length);
    }

    @Test
    void whenSeveralSplitsHaveRows_thenTheWatermarkIsTheMinimumOfTheSplitMaxima() {
        SplitWatermarks splits = eager(2);

        splits.onChunk(0, timestamps(500, 900, 700), START);
        splits.onTick(START);
        assertThat(out.take()).as("split 1 has no rows yet and holds everything back").isEmpty();
        splits.onChunk(1, timestamps(300), START);
        splits.onTick(START);

        assertThat(out.take()).containsExactly(300L);
        splits.onChunk(1, timestamps(2000), START);
        splits.onTick(START);
        assertThat(out.take()).containsExactly(900L);
    }

    /**
     * {@code column - delay} with no delay, emitted at every tick; {@code fromColumn}: as the planner marks it, found
     * from the column's largest value rather than by evaluating the expression.
     */
    private static WatermarkStrategy delayed(long delay, boolean fromColumn) {
        WatermarkStrategy evaluated = boundedOutOfOrderness(0, delay, 0, 0);
        return fromColumn ? evaluated.delaying(0, delay) : evaluated;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whenRowsArriveOutOfOrder_thenEachSplitKeepsItsMaximumMinusTheDelay(boolean fromColumn) {
        SplitWatermarks splits = splits(delayed(100, fromColumn), 1);

        splits.onChunk(0, timestamps(1000), START);
        splits.onTick(START);
        splits.onChunk(0, timestamps(400, 800), START);
        splits.onTick(START);

        assertThat(out.events).containsExactly(900L);
        assertThat(splits.emitted()).isEqualTo(900);
    }

    @Test
    void whenTheIntervalHasNotPassed_thenNothingIsEmittedUntilItHas() {
        SplitWatermarks splits = splits(boundedOutOfOrderness(0, 0, 200, 0), 1);
        splits.onTick(START);
        assertThat(out.take()).isEmpty();

        splits.onChunk(0, timestamps(5000), START + 10);
        splits.onTick(START + 10);
        splits.onTick(START + 199);
        assertThat(out.take()).isEmpty();

        splits.onTick(START + 200);
        assertThat(out.take()).containsExactly(5000L);
    }

    @Test
    void whenManyRowsComeWithinTheInterval_thenTheWatermarkFollowsThemWithoutWaitingForIt() {
        SplitWatermarks splits = splits(boundedOutOfOrderness(0, 0, 200, 0), 1);
        splits.onTick(START);
        long[] times = new long[SplitWatermarks.ROWS_PER_EMIT / 2];

        Arrays.fill(times, 5000);
        splits.onChunk(0, timestamps(times), START + 1);
        splits.onTick(START + 1);
        assertThat(out.take()).as("fewer rows than the threshold wait for the interval").isEmpty();
        Arrays.fill(times, 6000);
        splits.onChunk(0, timestamps(times), START + 2);
        splits.onTick(START + 2);
        assertThat(out.take()).containsExactly(6000L);

        splits.onChunk(0, timestamps(7000), START + 3);
        splits.onTick(START + 3);
        assertThat(out.take()).as("the count starts again; the interval still runs from its last tick").isEmpty();
        splits.onTick(START + 200);
        assertThat(out.take()).containsExactly(7000L);
    }

    @Test
    void whenTheWatermarkDidNotAdvance_thenItIsNotEmittedAgain() {
        SplitWatermarks splits = eager(1);
        splits.onChunk(0, timestamps(50), START);
        splits.onTick(START);
        splits.onChunk(0, timestamps(40, 50), START);

        splits.onTick(START + 1);
        splits.onTick(START + 2);

        assertThat(out.events).containsExactly(50L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whenAnExpressionValueIsNull_thenThatRowIsIgnored(boolean fromColumn) {
        SplitWatermarks splits = splits(delayed(0, fromColumn), 1);
        LongVector column = new LongVector(2);
        column.set(0, 70);
        column.setNull(1);
        column.set(1, 9_999);

        splits.onChunk(0, new Chunk(new Vector[] {column}, 2), START);
        splits.onTick(START);

        assertThat(out.events).containsExactly(70L);
    }

    @Test
    void whenASplitIsSilentForTheIdleTimeout_thenItNoLongerHoldsTheWatermarkBack() {
        SplitWatermarks splits = splits(boundedOutOfOrderness(0, 0, 0, 500), 2);
        splits.onChunk(0, timestamps(100), START);
        splits.onChunk(1, timestamps(800), START);
        splits.onTick(START);
        assertThat(out.take()).containsExactly(100L);

        splits.onChunk(1, timestamps(900), START + 400);
        splits.onTick(START + 499);
        assertThat(out.take()).isEmpty();

        splits.onTick(START + 500);
        assertThat(out.take()).containsExactly(900L);
    }

    @Test
    void whenASplitNeverHadRows_thenItTurnsIdleAfterTheTimeoutFromTheStart() {
        SplitWatermarks splits = splits(boundedOutOfOrderness(0, 0, 0, 300), 2);
        splits.onChunk(0, timestamps(42), START + 250);
        splits.onTick(START + 250);
        assertThat(out.take()).isEmpty();

        splits.onTick(START + 300);

        assertThat(out.take()).containsExactly(42L);
    }

    @Test
    void whenTheIdleTimeoutIsZero_thenASilentSplitHoldsTheWatermarkForever() {
        SplitWatermarks splits = eager(2);
        splits.onChunk(0, timestamps(100), START);
        splits.onChunk(1, timestamps(50), START);
        splits.onTick(START);
        out.take();

        splits.onChunk(0, timestamps(10_000), START + 1_000_000);
        splits.onTick(START + 1_000_000);

        assertThat(out.take()).isEmpty();
    }

    @Test
    void whenEverySplitIsIdle_thenIdleIsReportedOnceAndActiveBeforeTheNextRows() {
        SplitWatermarks splits = splits(boundedOutOfOrderness(0, 0, 0, 100), 2);
        splits.onChunk(0, timestamps(10), START);
        splits.onChunk(1, timestamps(20), START);
        splits.onTick(START);
        assertThat(out.take()).containsExactly(10L);

        splits.onTick(START + 100);
        splits.onTick(START + 150);
        assertThat(out.take()).as("the watermark stays where it was").containsExactly(IDLE);

        splits.onChunk(1, timestamps(60), START + 200);
        assertThat(out.take()).as("before the rows go downstream").containsExactly(ACTIVE);
        splits.onTick(START + 200);
        assertThat(out.take()).as("split 0 is still idle").containsExactly(60L);
    }

    @Test
    void whenTheReaderHasNoSplits_thenTheSubtaskIsIdleAtOnce() {
        SplitWatermarks withStrategy = splits(boundedOutOfOrderness(0, 0, 200, 0), 0);
        withStrategy.onTick(START);
        withStrategy.onTick(START + 1000);
        assertThat(out.take()).containsExactly(IDLE);

        SplitWatermarks withoutStrategy = splits(null, 0);
        withoutStrategy.onTick(START);
        withoutStrategy.onTick(START + 1);
        assertThat(out.take()).containsExactly(IDLE);
    }

    @Test
    void whenTheSourceHasNoStrategy_thenRowsMakeNoWatermarksAndSplitsNeverIdle() {
        SplitWatermarks splits = splits(null, 2);

        splits.onChunk(0, timestamps(100), START);
        splits.onTick(START);
        splits.onTick(START + 1_000_000);

        assertThat(out.events).isEmpty();
    }

    @Test
    void whenTheReaderEmitsRowsOfAnUndeclaredSplit_thenTheBugIsReported() {
        SplitWatermarks splits = eager(2);

        assertThatThrownBy(() -> splits.onChunk(2, timestamps(1), START))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("split 2")
                .hasMessageContaining("declared 2 splits");
    }

    @Test
    void whenAChunkIsEmpty_thenItDoesNotCountAsActivity() {
        SplitWatermarks splits = splits(boundedOutOfOrderness(0, 0, 0, 100), 1);
        splits.onChunk(0, timestamps(5), START);
        splits.onTick(START);
        out.take();

        splits.onChunk(0, timestamps(), START + 90);
        splits.onTick(START + 100);

        assertThat(out.take()).containsExactly(IDLE);
    }
}
