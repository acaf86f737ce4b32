package io.weir.executor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkValveTest {

    @Test
    void whenOnlySomeChannelsSentAWatermark_thenNothingAdvances() {
        WatermarkValve valve = new WatermarkValve(3);

        assertThat(valve.onWatermark(0, 10)).isFalse();
        assertThat(valve.onWatermark(1, 20)).isFalse();

        assertThat(valve.current()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void whenEveryChannelSentOne_thenTheMinimumIsTheWatermark() {
        WatermarkValve valve = new WatermarkValve(3);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);

        assertThat(valve.onWatermark(2, 15)).isTrue();

        assertThat(valve.current()).isEqualTo(10);
    }

    @Test
    void whenAChannelOtherThanTheSlowestAdvances_thenTheWatermarkStays() {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);

        assertThat(valve.onWatermark(1, 30)).isFalse();
        assertThat(valve.current()).isEqualTo(10);
        assertThat(valve.onWatermark(0, 25)).isTrue();
        assertThat(valve.current()).isEqualTo(25);
    }

    @Test
    void whenAChannelSendsALowerWatermark_thenItIsIgnoredAndNothingMovesBack() {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);

        assertThat(valve.onWatermark(0, 5)).isFalse();
        assertThat(valve.current()).isEqualTo(10);
        // The channel's own watermark stayed at 10: advancing to 12 moves the minimum forward again.
        assertThat(valve.onWatermark(0, 12)).isTrue();
        assertThat(valve.current()).isEqualTo(12);
    }

    @Test
    void whenTheSameWatermarkRepeats_thenItIsReportedOnce() {
        WatermarkValve valve = new WatermarkValve(1);

        assertThat(valve.onWatermark(0, 7)).isTrue();
        assertThat(valve.onWatermark(0, 7)).isFalse();
    }

    @Test
    void whenTheSlowestChannelEnds_thenTheOthersDecide() {
        WatermarkValve valve = new WatermarkValve(3);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 40);
        valve.onWatermark(2, 30);

        assertThat(valve.onChannelEnded(0)).isTrue();

        assertThat(valve.current()).isEqualTo(30);
        assertThat(valve.allEnded()).isFalse();
    }

    @Test
    void whenAChannelEndsWithoutEverSendingAWatermark_thenItNoLongerHoldsTheOthersBack() {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(1, 50);

        assertThat(valve.onChannelEnded(0)).isTrue();

        assertThat(valve.current()).isEqualTo(50);
    }

    @Test
    void whenEveryChannelEnded_thenTheWatermarkIsMax() {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, 10);
        valve.onChannelEnded(0);

        assertThat(valve.onChannelEnded(1)).isTrue();

        assertThat(valve.current()).isEqualTo(Long.MAX_VALUE);
        assertThat(valve.allEnded()).isTrue();
    }

    @Test
    void whenAnEndedChannelSendsMore_thenItIsIgnored() {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onChannelEnded(0);
        valve.onWatermark(1, 5);

        assertThat(valve.onWatermark(0, 1)).isFalse();
        assertThat(valve.onChannelEnded(0)).isFalse();
        assertThat(valve.current()).isEqualTo(5);
    }

    @Test
    void whenChannelsBelongToTwoInputs_thenTheWatermarkWaitsForBothInputs() {
        // Channels 0-1 feed input 0 and channels 2-3 feed input 1: the valve spans them all.
        WatermarkValve valve = new WatermarkValve(4);
        valve.onWatermark(0, 100);
        valve.onWatermark(1, 100);

        assertThat(valve.current()).isEqualTo(Long.MIN_VALUE);
        valve.onWatermark(2, 60);
        assertThat(valve.onWatermark(3, 80)).isTrue();
        assertThat(valve.current()).isEqualTo(60);
        valve.onChannelEnded(2);
        assertThat(valve.current()).isEqualTo(80);
    }

    @Test
    void whenAChannelSendsMax_thenItCountsLikeAnEndedChannel() {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, Long.MAX_VALUE);

        assertThat(valve.onWatermark(1, 3)).isTrue();
        assertThat(valve.current()).isEqualTo(3);
        assertThat(valve.onWatermark(1, Long.MAX_VALUE)).isTrue();
        assertThat(valve.current()).isEqualTo(Long.MAX_VALUE);
    }
}
