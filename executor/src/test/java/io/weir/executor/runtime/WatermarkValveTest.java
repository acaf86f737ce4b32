package io.weir.executor.runtime;

import static io.weir.executor.data.WatermarkStatus.ACTIVE;
import static io.weir.executor.data.WatermarkStatus.IDLE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkValveTest {

    private final RecordingWatermarkOutput out = new RecordingWatermarkOutput();

    private WatermarkValve valve(int channels) {
        return new WatermarkValve(channels, out);
    }

    @Test
    void whenOnlySomeChannelsSentAWatermark_thenNothingAdvances() {
        WatermarkValve valve = valve(3);

        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);

        assertThat(out.events).isEmpty();
        assertThat(valve.current()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void whenEveryChannelSentOne_thenTheMinimumIsTheWatermark() {
        WatermarkValve valve = valve(3);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);

        valve.onWatermark(2, 15);

        assertThat(out.events).containsExactly(10L);
        assertThat(valve.current()).isEqualTo(10);
    }

    @Test
    void whenAChannelOtherThanTheSlowestAdvances_thenTheWatermarkStays() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);
        out.take();

        valve.onWatermark(1, 30);
        assertThat(out.take()).isEmpty();
        valve.onWatermark(0, 25);
        assertThat(out.take()).containsExactly(25L);
    }

    @Test
    void whenAChannelSendsALowerWatermark_thenItIsIgnoredAndNothingMovesBack() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);
        out.take();

        valve.onWatermark(0, 5);
        assertThat(out.take()).isEmpty();
        assertThat(valve.current()).isEqualTo(10);
        // The channel's own watermark stayed at 10: advancing to 12 moves the minimum forward again.
        valve.onWatermark(0, 12);
        assertThat(out.take()).containsExactly(12L);
    }

    @Test
    void whenTheSameWatermarkRepeats_thenItIsReportedOnce() {
        WatermarkValve valve = valve(1);

        valve.onWatermark(0, 7);
        valve.onWatermark(0, 7);

        assertThat(out.events).containsExactly(7L);
    }

    @Test
    void whenTheSlowestChannelEnds_thenTheOthersDecide() {
        WatermarkValve valve = valve(3);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 40);
        valve.onWatermark(2, 30);
        out.take();

        valve.onChannelEnded(0);

        assertThat(out.take()).containsExactly(30L);
        assertThat(valve.allEnded()).isFalse();
    }

    @Test
    void whenAChannelEndsWithoutEverSendingAWatermark_thenItNoLongerHoldsTheOthersBack() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(1, 50);

        valve.onChannelEnded(0);

        assertThat(out.events).containsExactly(50L);
    }

    @Test
    void whenEveryChannelEnded_thenTheWatermarkIsMax() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);
        valve.onChannelEnded(0);

        valve.onChannelEnded(1);

        assertThat(out.events).containsExactly(Long.MAX_VALUE);
        assertThat(valve.allEnded()).isTrue();
    }

    @Test
    void whenAnEndedChannelSendsMore_thenItIsIgnored() {
        WatermarkValve valve = valve(2);
        valve.onChannelEnded(0);
        valve.onWatermark(1, 5);
        out.take();

        valve.onWatermark(0, 1);
        valve.onChannelEnded(0);
        valve.onStatus(0, IDLE);

        assertThat(out.events).isEmpty();
        assertThat(valve.current()).isEqualTo(5);
    }

    @Test
    void whenChannelsBelongToTwoInputs_thenTheWatermarkWaitsForBothInputs() {
        // Channels 0-1 feed input 0 and channels 2-3 feed input 1: the valve spans them all.
        WatermarkValve valve = valve(4);
        valve.onWatermark(0, 100);
        valve.onWatermark(1, 100);
        assertThat(out.take()).isEmpty();

        valve.onWatermark(2, 60);
        valve.onWatermark(3, 80);
        assertThat(out.take()).containsExactly(60L);
        valve.onChannelEnded(2);
        assertThat(out.take()).containsExactly(80L);
    }

    @Test
    void whenAChannelSendsMax_thenItCountsLikeAnEndedChannel() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, Long.MAX_VALUE);

        valve.onWatermark(1, 3);
        valve.onWatermark(1, Long.MAX_VALUE);

        assertThat(out.events).containsExactly(3L, Long.MAX_VALUE);
    }

    @Test
    void whenTheSlowestChannelGoesIdle_thenTheOthersDecideAndTheValveStaysActive() {
        WatermarkValve valve = valve(3);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 40);
        valve.onWatermark(2, 30);
        out.take();

        valve.onStatus(0, IDLE);

        assertThat(out.take()).containsExactly(30L);
        assertThat(valve.isIdle()).isFalse();
    }

    @Test
    void whenAChannelIsIdleFromTheStart_thenTheOthersAloneDecide() {
        WatermarkValve valve = valve(2);
        valve.onStatus(1, IDLE);

        valve.onWatermark(0, 100);

        assertThat(out.events).containsExactly(100L);
    }

    @Test
    void whenEveryChannelGoesIdle_thenTheValveReportsIdleOnceAndItsWatermarkStays() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 40);
        out.take();

        valve.onStatus(0, IDLE);
        valve.onStatus(1, IDLE);
        valve.onStatus(1, IDLE);

        // Channel 0 going idle let channel 1 decide; the last one going idle only makes the valve idle.
        assertThat(out.take()).containsExactly(40L, IDLE);
        assertThat(valve.isIdle()).isTrue();
        assertThat(valve.current()).isEqualTo(40);
    }

    @Test
    void whenAnIdleChannelSendsData_thenItIsActiveAgainAndTheValveReportsActive() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 40);
        valve.onStatus(0, IDLE);
        valve.onStatus(1, IDLE);
        out.take();

        valve.onData(1);
        valve.onData(1);

        assertThat(out.take()).containsExactly(ACTIVE);
        assertThat(valve.isIdle()).isFalse();
        // Channel 0 is still idle: channel 1 alone moves the watermark.
        valve.onWatermark(1, 50);
        assertThat(out.take()).containsExactly(50L);
    }

    @Test
    void whenAnIdleChannelReturnsAhead_thenActiveComesBeforeTheWatermarkItAllows() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 100);
        valve.onWatermark(1, 100);
        valve.onStatus(1, IDLE);
        // A watermark of an idle channel is remembered but does not make it active.
        valve.onWatermark(1, 300);
        valve.onStatus(0, IDLE);
        assertThat(out.take()).containsExactly(100L, IDLE);

        valve.onStatus(1, ACTIVE);

        assertThat(out.take()).containsExactly(ACTIVE, 300L);
    }

    @Test
    void whenAChannelReturnsBehindTheWatermark_thenTheWatermarkWaitsUntilItCatchesUp() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 50);
        valve.onStatus(0, IDLE);
        valve.onWatermark(1, 200);
        assertThat(out.take()).containsExactly(200L);

        valve.onData(0);
        valve.onWatermark(1, 400);
        assertThat(out.take()).as("never backwards, and held at 200 by the returning channel").isEmpty();
        assertThat(valve.current()).isEqualTo(200);

        valve.onWatermark(0, 300);
        assertThat(out.take()).containsExactly(300L);
    }

    @Test
    void whenTheOnlyLiveChannelIsIdleAndTheOthersEnded_thenTheWatermarkDoesNotJumpToMax() {
        WatermarkValve valve = valve(2);
        valve.onWatermark(1, 70);
        valve.onChannelEnded(0);
        assertThat(out.take()).containsExactly(70L);

        valve.onStatus(1, IDLE);

        assertThat(out.take()).containsExactly(IDLE);
        assertThat(valve.current()).isEqualTo(70);
    }

    @Test
    void whenAnIdleValvesLastChannelEnds_thenItIsActiveAgainAndTheWatermarkIsMax() {
        WatermarkValve valve = valve(1);
        valve.onStatus(0, IDLE);
        assertThat(out.take()).containsExactly(IDLE);

        valve.onChannelEnded(0);

        assertThat(out.take()).containsExactly(ACTIVE, Long.MAX_VALUE);
    }

    @Test
    void whenAnActiveChannelSaysActive_thenNothingIsReported() {
        WatermarkValve valve = valve(2);

        valve.onStatus(0, ACTIVE);
        valve.onData(1);

        assertThat(out.events).isEmpty();
        assertThat(valve.isIdle()).isFalse();
    }
}
