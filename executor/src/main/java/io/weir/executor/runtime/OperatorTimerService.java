package io.weir.executor.runtime;

import io.weir.executor.api.TimerService;
import java.time.Clock;

/**
 * The {@link TimerService} of one operator of a chain (one per member, since operators of a chain see
 * watermarks at different moments: a window operator holds back what the operators behind it see). The task
 * records each watermark here just before the operator's {@code processWatermark}, and fires the registered
 * timers from its loop ({@link OperatorChain#fireProcessingTimers}). Used by the task thread only.
 */
final class OperatorTimerService implements TimerService {

    private final Clock clock;
    /** Null for a source head: a reader has no {@code onProcessingTime} to call. */
    private final TimerQueue timers;
    private long watermark = Long.MIN_VALUE;

    private OperatorTimerService(Clock clock, TimerQueue timers) {
        this.clock = clock;
        this.timers = timers;
    }

    /** The timer service of an operator. */
    static OperatorTimerService forOperator(Clock clock) {
        return new OperatorTimerService(clock, new TimerQueue());
    }

    /** The timer service of a source reader: time and watermarks, but no timers to register. */
    static OperatorTimerService forSource(Clock clock) {
        return new OperatorTimerService(clock, null);
    }

    @Override
    public long currentProcessingTime() {
        return clock.millis();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        if (timers == null) {
            throw new UnsupportedOperationException(
                    "Source readers cannot register timers: read the clock in pollNext instead");
        }
        timers.add(time);
    }

    /** The watermark about to be delivered to the operator. */
    void advanceWatermark(long timestamp) {
        watermark = timestamp;
    }

    /** The pending timers, or null for a source head. */
    TimerQueue timers() {
        return timers;
    }
}
