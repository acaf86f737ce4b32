package io.weir.bench.jmh;

import io.weir.executor.checkpoint.BarrierAligner;
import io.weir.executor.checkpoint.CheckpointingMode;
import io.weir.executor.data.CheckpointBarrier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Barrier alignment: one whole checkpoint per operation, its barrier arriving on every input channel in turn (each
 * channel checked for being blocked before, as the task does before reading it), ending with the aligned callback.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class BarrierAlignerBenchmark {

    @Param({"2", "16"})
    int channels;

    @Param({"EXACTLY_ONCE", "AT_LEAST_ONCE"})
    CheckpointingMode mode;

    private BarrierAligner aligner;
    private long checkpointId;
    private Blackhole sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        aligner = new BarrierAligner(channels, mode, (barrier, nanos) -> sink.consume(barrier));
    }

    @Benchmark
    public void alignOneCheckpoint() throws Exception {
        CheckpointBarrier barrier = new CheckpointBarrier(++checkpointId, checkpointId, false);
        for (int c = 0; c < channels; c++) {
            sink.consume(aligner.isBlocked(c));
            aligner.onBarrier(c, barrier, checkpointId);
        }
    }
}
