package io.weir.executor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private static List<Long> drain(TimerQueue queue) {
        List<Long> times = new ArrayList<>();
        while (!queue.isEmpty()) {
            times.add(queue.pollEarliest());
        }
        return times;
    }

    @Test
    void whenTimesAreAddedInAnyOrder_thenTheyComeOutEarliestFirst() {
        TimerQueue queue = new TimerQueue();
        for (long time : new long[] {50, 10, 40, 20, 30, 5, 60, 15, 25, 35}) {
            queue.add(time);
        }

        assertThat(queue.earliest()).isEqualTo(5);
        assertThat(drain(queue)).containsExactly(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 50L, 60L);
        assertThat(queue.earliest()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void whenATimeIsAddedTwice_thenItIsPendingOnce() {
        TimerQueue queue = new TimerQueue();

        assertThat(queue.add(100)).isTrue();
        assertThat(queue.add(100)).isFalse();
        queue.add(50);
        assertThat(queue.add(50)).isFalse();

        assertThat(drain(queue)).containsExactly(50L, 100L);
    }

    @Test
    void whenCountingDueTimers_thenTimesAtOrBeforeNowCount() {
        TimerQueue queue = new TimerQueue();
        queue.add(10);
        queue.add(20);
        queue.add(30);

        assertThat(queue.countDue(9)).isZero();
        assertThat(queue.countDue(10)).isEqualTo(1);
        assertThat(queue.countDue(29)).isEqualTo(2);
        assertThat(queue.countDue(Long.MAX_VALUE)).isEqualTo(3);
    }
}
