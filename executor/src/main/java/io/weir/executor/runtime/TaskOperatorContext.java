package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.TimerService;
import java.time.Clock;

/** What one subtask of one vertex sees of the runtime. */
final class TaskOperatorContext implements OperatorContext {

    private final int subtaskIndex;
    private final int parallelism;
    private final int chunkSize;
    private final Clock clock;
    private final MetricRegistry metrics;
    private final Cancellation cancellation;
    private final TimerService timers = new TimerService() {
        @Override
        public long currentProcessingTime() {
            return clock.millis();
        }

        @Override
        public long currentWatermark() {
            return Long.MIN_VALUE;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException("Processing-time timers are not wired into tasks yet");
        }
    };

    TaskOperatorContext(int subtaskIndex, int parallelism, int chunkSize, Clock clock, MetricRegistry metrics,
            Cancellation cancellation) {
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.chunkSize = chunkSize;
        this.clock = clock;
        this.metrics = metrics;
        this.cancellation = cancellation;
    }

    @Override
    public int subtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Counter counter(String name) {
        return metrics.counter(name);
    }

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    @Override
    public TimerService timerService() {
        return timers;
    }
}
