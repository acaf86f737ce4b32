package io.weir.executor.runtime;

import io.weir.executor.data.WatermarkStatus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The watermark valve of a task with several input channels: watermarks arriving round-robin, each advancing its
 * channel (and, once every channel has moved, the task's watermark). In the runtime's package because the valve is
 * package-private; the benchmark jar puts it on the same class path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class WatermarkValveBenchmark {

    @Param({"2", "16"})
    int channels;

    private WatermarkValve valve;
    private long time;
    private int channel;
    private Blackhole sink;

    @Setup(Level.Iteration)
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        valve = new WatermarkValve(channels, new WatermarkOutput() {
            @Override
            public void emitWatermark(long timestamp) {
                sink.consume(timestamp);
            }

            @Override
            public void emitStatus(WatermarkStatus status) {
                sink.consume(status);
            }
        });
        time = 0;
        channel = 0;
    }

    /** One watermark on the next channel, 1 ms after that channel's previous one. */
    @Benchmark
    public void watermark() {
        valve.onWatermark(channel, time);
        if (++channel == channels) {
            channel = 0;
            time++;
        }
    }
}
