package io.weir.executor.api;

/**
 * Time as an operator sees it. Processing-time timers fire through {@link Operator#onProcessingTime} on the
 * task thread; event time advances through {@link Operator#processWatermark}.
 */
public interface TimerService {

    /** The task's clock, in epoch millis (an injected clock in tests). */
    long currentProcessingTime();

    /** The last watermark delivered to this operator, or {@link Long#MIN_VALUE}. */
    long currentWatermark();

    /** Asks for {@link Operator#onProcessingTime} once the clock reaches {@code time}; duplicates fire once. */
    void registerProcessingTimeTimer(long time);
}
