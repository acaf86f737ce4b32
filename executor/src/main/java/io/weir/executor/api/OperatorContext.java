package io.weir.executor.api;

import java.time.Clock;

/** What the runtime offers an operator or source reader: who it is, time, settings and metrics. */
public interface OperatorContext {

    /**
     * The job's name (the server names a job after its query id), stable across restarts of the job: sinks that
     * commit to an external system key their commit records by it and {@link #operatorName()}.
     */
    String jobName();

    /** The name of this operator's vertex in the job graph, unique within the job. */
    String operatorName();

    /**
     * True when the job takes periodic checkpoints: a sink that commits on {@link Operator#notifyCheckpointComplete}
     * then writes nothing before a checkpoint covers it, rather than flush early.
     */
    boolean isCheckpointingEnabled();

    /** 0-based index of this parallel instance. */
    int subtaskIndex();

    /** Number of parallel instances of this operator. */
    int parallelism();

    /** The number of rows a chunk should hold at most ({@code chunk.size}). */
    int chunkSize();

    /** The clock to read instead of {@code System.currentTimeMillis()}; tests inject a fake one. */
    Clock clock();

    /** A counter of this query's metrics, created on first use; shared by all subtasks. */
    Counter counter(String name);

    /** Processing-time timers and the current watermark. */
    TimerService timerService();

    /** True once the job is being cancelled: long loops in sources should stop. */
    boolean isCancelled();
}
