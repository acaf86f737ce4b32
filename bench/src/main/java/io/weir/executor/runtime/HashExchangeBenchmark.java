package io.weir.executor.runtime;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hash exchange: one producer's chunks of 1024 bid-like rows (auction, bidder, price, channel) routed by the auction
 * key to the consumers' channels (hash, key group, split with {@code select}, coalesce). The channels are drained on
 * the same thread, so this measures the routing, not the hand-over between threads. Rows per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HashExchangeBenchmark {

    private static final int ROWS = 1024;

    @Param({"2", "8"})
    int consumers;

    private HashEdgeWriter writer;
    private Channel[] channels;
    private Chunk chunk;

    @Setup
    public void setUp() {
        channels = new Channel[consumers];
        for (int i = 0; i < consumers; i++) {
            channels[i] = new Channel("c" + i, 1 << 16, new Wakeup(), new Cancellation());
        }
        writer = new HashEdgeWriter(channels, new int[] {0}, ROWS);
        LongVector auction = new LongVector(ROWS);
        LongVector bidder = new LongVector(ROWS);
        LongVector price = new LongVector(ROWS);
        StringVector channel = new StringVector(ROWS);
        for (int r = 0; r < ROWS; r++) {
            auction.set(r, 1000 + (r * 7919L) % 5000);
            bidder.set(r, 2000 + (r * 104729L) % 20000);
            price.set(r, 100 + r);
            channel.set(r, "channel-" + (r % 100));
        }
        chunk = new Chunk(new Vector[] {auction, bidder, price, channel}, ROWS);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void route(Blackhole blackhole) {
        writer.emit(chunk);
        for (Channel channel : channels) {
            Object element;
            while ((element = channel.poll()) != null) {
                blackhole.consume(element);
            }
        }
    }
}
