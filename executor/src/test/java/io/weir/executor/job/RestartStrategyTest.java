package io.weir.executor.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestartStrategyTest {

    @Test
    void whenNone_thenTheFirstFailureIsFinal() {
        assertThat(new RestartStrategy.None().newTracker().onFailure(0)).isEqualTo(-1);
    }

    @Test
    void whenFixedDelay_thenItRestartsThatManyTimesAfterTheDelay() {
        RestartStrategy.Tracker tracker = new RestartStrategy.FixedDelay(2, 500).newTracker();
        assertThat(tracker.onFailure(0)).isEqualTo(500);
        assertThat(tracker.onFailure(1_000)).isEqualTo(500);
        assertThat(tracker.onFailure(2_000)).isEqualTo(-1);
        assertThat(tracker.restarts()).isEqualTo(2);
    }

    @Test
    void whenExponentialDelay_thenTheDelayGrowsToItsMaximumAndStartsOverAfterAQuietSpell() {
        RestartStrategy.Tracker tracker = new RestartStrategy.ExponentialDelay(100, 500, 2, 10_000, 100).newTracker();
        assertThat(tracker.onFailure(0)).isEqualTo(100);
        assertThat(tracker.onFailure(10)).isEqualTo(200);
        assertThat(tracker.onFailure(20)).isEqualTo(400);
        assertThat(tracker.onFailure(30)).isEqualTo(500);
        assertThat(tracker.onFailure(40)).isEqualTo(500);
        assertThat(tracker.onFailure(20_000)).as("after the reset threshold").isEqualTo(100);
    }

    @Test
    void whenExponentialDelayRunsOutOfAttempts_thenItGivesUp() {
        RestartStrategy.Tracker tracker = new RestartStrategy.ExponentialDelay(100, 500, 2, 10_000, 1).newTracker();
        assertThat(tracker.onFailure(0)).isEqualTo(100);
        assertThat(tracker.onFailure(10)).isEqualTo(-1);
    }

    @Test
    void whenFailureRate_thenTooManyFailuresWithinTheIntervalAreFinal() {
        RestartStrategy.Tracker tracker = new RestartStrategy.FailureRate(2, 1_000, 50).newTracker();
        assertThat(tracker.onFailure(0)).isEqualTo(50);
        assertThat(tracker.onFailure(400)).isEqualTo(50);
        assertThat(tracker.onFailure(2_000)).as("the first two fell out of the interval").isEqualTo(50);
        assertThat(tracker.onFailure(2_100)).isEqualTo(50);
        assertThat(tracker.onFailure(2_200)).isEqualTo(-1);
    }
}
