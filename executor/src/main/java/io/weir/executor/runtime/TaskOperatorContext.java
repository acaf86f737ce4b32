package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.TimerService;
import java.time.Clock;

/** What one subtask of one vertex (one member of a chain) sees of the runtime. */
final class TaskOperatorContext implements OperatorContext {

    private final String jobName;
    private final String operatorName;
    private final boolean checkpointing;
    private final int subtaskIndex;
    private final int parallelism;
    private final int chunkSize;
    private final Clock clock;
    private final MetricRegistry metrics;
    private final Cancellation cancellation;
    private final OperatorTimerService timers;

    TaskOperatorContext(String jobName, String operatorName, boolean checkpointing, int subtaskIndex, int parallelism, int chunkSize, Clock clock, MetricRegistry metrics,
            Cancellation cancellation, OperatorTimerService timers) {
        this.jobName = jobName;
        this.operatorName = operatorName;
        this.checkpointing = checkpointing;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.chunkSize = chunkSize;
        this.clock = clock;
        this.metrics = metrics;
        this.cancellation = cancellation;
        this.timers = timers;
    }

    @Override
    public String jobName() {
        return jobName;
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    @Override
    public boolean isCheckpointingEnabled() {
        return checkpointing;
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

    /** The same timer service, with what the task needs of it. */
    OperatorTimerService timers() {
        return timers;
    }
}
