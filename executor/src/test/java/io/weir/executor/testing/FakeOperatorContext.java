package io.weir.executor.testing;

import io.weir.executor.api.Counter;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.TimerService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one hand-written {@link OperatorContext} for tests of operators, readers and sinks without a runtime:
 * a chosen subtask, parallelism, chunk size and clock, in-memory counters, recorded processing-time timers and a
 * watermark the test sets.
 */
public final class FakeOperatorContext implements OperatorContext, TimerService {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final int subtaskIndex;
    private final int parallelism;
    private final int chunkSize;
    private final Clock clock;
    private final Map<String, SimpleCounter> counters = new HashMap<>();
    private final TreeSet<Long> timers = new TreeSet<>();
    private long watermark = Long.MIN_VALUE;
    private boolean cancelled;
    private boolean checkpointingEnabled;
    private String jobName = "test-job";

    public FakeOperatorContext(int chunkSize) {
        this(0, 1, chunkSize);
    }

    public FakeOperatorContext(int subtaskIndex, int parallelism, int chunkSize) {
        this(subtaskIndex, parallelism, chunkSize, FIXED);
    }

    public FakeOperatorContext(int subtaskIndex, int parallelism, int chunkSize, Clock clock) {
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.chunkSize = chunkSize;
        this.clock = clock;
    }

    /** Subtask 0 of 1, chunks of 1024, a fixed clock. */
    public static FakeOperatorContext single() {
        return new FakeOperatorContext(1024);
    }

    @Override
    public String jobName() {
        return jobName;
    }

    @Override
    public String operatorName() {
        return "test-operator";
    }

    @Override
    public boolean isCheckpointingEnabled() {
        return checkpointingEnabled;
    }

    /** Names the job, as the server names a job after its query. */
    public FakeOperatorContext withJobName(String name) {
        jobName = name;
        return this;
    }

    /** Makes the context say the job checkpoints periodically. */
    public FakeOperatorContext withCheckpointing() {
        checkpointingEnabled = true;
        return this;
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
        return counters.computeIfAbsent(name, n -> new SimpleCounter());
    }

    /** The value of a counter, 0 when never created. */
    public long counterValue(String name) {
        SimpleCounter counter = counters.get(name);
        return counter == null ? 0 : counter.value;
    }

    @Override
    public TimerService timerService() {
        return this;
    }

    @Override
    public long currentProcessingTime() {
        return clock.millis();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    public void setWatermark(long value) {
        watermark = value;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.add(time);
    }

    /** Removes and returns the registered timers due at {@code now}, earliest first. */
    public TreeSet<Long> takeTimersDueAt(long now) {
        TreeSet<Long> due = new TreeSet<>(timers.headSet(now, true));
        timers.removeAll(due);
        return due;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
    }

    private static final class SimpleCounter implements Counter {
        private long value;

        @Override
        public void inc(long delta) {
            value += delta;
        }

        @Override
        public long get() {
            return value;
        }
    }
}
