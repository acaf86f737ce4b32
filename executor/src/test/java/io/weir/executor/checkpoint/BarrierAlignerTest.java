package io.weir.executor.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.CheckpointBarrier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarrierAlignerTest {

    private final List<String> events = new ArrayList<>();
    private final BarrierAligner.Listener listener = new BarrierAligner.Listener() {
        @Override
        public void onAligned(CheckpointBarrier barrier, long alignmentNanos) {
            events.add("aligned " + barrier.checkpointId() + " after " + alignmentNanos);
        }

        @Override
        public void onAbandoned(long checkpointId) {
            events.add("abandoned " + checkpointId);
        }
    };

    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 0, false);
    }

    @Test
    void whenABarrierArrivesOnOneChannel_thenThatChannelBlocksUntilAllHaveIt() throws Exception {
        BarrierAligner aligner = new BarrierAligner(3, CheckpointingMode.EXACTLY_ONCE, listener);

        aligner.onBarrier(1, barrier(7), 100);
        assertThat(aligner.isBlocked(1)).isTrue();
        assertThat(aligner.isBlocked(0)).isFalse();
        aligner.onBarrier(0, barrier(7), 150);
        assertThat(events).isEmpty();
        assertThat(aligner.aligningCheckpoint()).isEqualTo(7);

        aligner.onBarrier(2, barrier(7), 400);

        assertThat(events).containsExactly("aligned 7 after 300");
        assertThat(aligner.isBlocked(0) || aligner.isBlocked(1) || aligner.isBlocked(2)).isFalse();
        assertThat(aligner.aligningCheckpoint()).isEqualTo(-1);
    }

    @Test
    void whenASingleChannelDeliversABarrier_thenItIsAlignedAtOnce() throws Exception {
        BarrierAligner aligner = new BarrierAligner(1, CheckpointingMode.EXACTLY_ONCE, listener);
        aligner.onBarrier(0, barrier(1), 5);
        assertThat(events).containsExactly("aligned 1 after 0");
        assertThat(aligner.isBlocked(0)).isFalse();
    }

    @Test
    void whenAtLeastOnce_thenNoChannelEverBlocksButTheSnapshotWaitsForTheLastBarrier() throws Exception {
        BarrierAligner aligner = new BarrierAligner(2, CheckpointingMode.AT_LEAST_ONCE, listener);
        aligner.onBarrier(0, barrier(3), 0);
        assertThat(aligner.isBlocked(0)).isFalse();
        assertThat(events).isEmpty();
        aligner.onBarrier(1, barrier(3), 10);
        assertThat(events).containsExactly("aligned 3 after 10");
    }

    @Test
    void whenAChannelEndsDuringAlignment_thenItNoLongerHoldsTheCheckpointUp() throws Exception {
        BarrierAligner aligner = new BarrierAligner(3, CheckpointingMode.EXACTLY_ONCE, listener);
        aligner.onBarrier(0, barrier(2), 0);
        aligner.onChannelEnded(1, 5);
        assertThat(events).isEmpty();
        aligner.onBarrier(2, barrier(2), 9);
        assertThat(events).containsExactly("aligned 2 after 9");

        // The ended channel counts as having every later barrier too.
        aligner.onBarrier(0, barrier(3), 20);
        aligner.onBarrier(2, barrier(3), 21);
        assertThat(events).containsExactly("aligned 2 after 9", "aligned 3 after 1");
    }

    @Test
    void whenTheLastOpenChannelEndsWhileOthersWait_thenTheCheckpointIsAligned() throws Exception {
        BarrierAligner aligner = new BarrierAligner(2, CheckpointingMode.EXACTLY_ONCE, listener);
        aligner.onBarrier(0, barrier(4), 0);
        aligner.onChannelEnded(1, 3);
        assertThat(events).containsExactly("aligned 4 after 3");
        assertThat(aligner.isBlocked(0)).isFalse();
    }

    @Test
    void whenANewerBarrierOvertakesTheAlignment_thenTheOlderIsAbandonedAndTheNewerAligned() throws Exception {
        BarrierAligner aligner = new BarrierAligner(2, CheckpointingMode.EXACTLY_ONCE, listener);
        aligner.onBarrier(0, barrier(5), 0);
        // Channel 1 never got 5 (its upstream gave it up) and delivers 6.
        aligner.onBarrier(1, barrier(6), 10);

        assertThat(events).containsExactly("abandoned 5");
        assertThat(aligner.aligningCheckpoint()).isEqualTo(6);
        assertThat(aligner.isBlocked(0)).as("released from the abandoned alignment").isFalse();
        assertThat(aligner.isBlocked(1)).isTrue();

        aligner.onBarrier(0, barrier(6), 30);
        assertThat(events).containsExactly("abandoned 5", "aligned 6 after 20");
    }

    @Test
    void whenAnOldOrRepeatedBarrierArrives_thenItIsIgnored() throws Exception {
        BarrierAligner aligner = new BarrierAligner(2, CheckpointingMode.EXACTLY_ONCE, listener);
        aligner.onBarrier(0, barrier(8), 0);
        aligner.onBarrier(1, barrier(8), 1);
        aligner.onBarrier(0, barrier(8), 2);
        aligner.onBarrier(1, barrier(7), 3);
        assertThat(events).containsExactly("aligned 8 after 1");
        assertThat(aligner.isBlocked(0) || aligner.isBlocked(1)).isFalse();

        aligner.onBarrier(0, barrier(9), 4);
        aligner.onBarrier(1, barrier(8), 5);
        assertThat(aligner.isBlocked(1)).as("a stale barrier does not block").isFalse();
        assertThat(aligner.aligningCheckpoint()).isEqualTo(9);
    }
}
