package io.weir.executor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.checkpoint.BarrierAligner;
import io.weir.executor.checkpoint.CheckpointingMode;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.EndOfInput;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import io.weir.executor.graph.Partitioning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge writers and the input gate, single-threaded over channels that never fill up. */
class ExchangeTest {

    /** At-least-once alignment never blocks a channel, so the gate reads as it would without checkpoints. */
    private static final BarrierAligner NEVER_BLOCKS =
            new BarrierAligner(16, CheckpointingMode.AT_LEAST_ONCE, (barrier, nanos) -> { });


    private final Cancellation cancellation = new Cancellation();
    private final Wakeup wakeup = new Wakeup();

    private Channel[] channels(int count) {
        Channel[] channels = new Channel[count];
        for (int i = 0; i < count; i++) {
            channels[i] = new Channel("c" + i, 1000, wakeup, cancellation);
        }
        return channels;
    }

    private static Chunk longs(long... values) {
        return new Chunk(new Vector[] {LongVector.wrap(values.clone())}, values.length);
    }

    private static List<StreamElement> drain(Channel channel) {
        List<StreamElement> elements = new ArrayList<>();
        StreamElement element;
        while ((element = channel.poll()) != null) {
            elements.add(element);
        }
        return elements;
    }

    private static List<Long> values(List<StreamElement> elements) {
        List<Long> values = new ArrayList<>();
        for (StreamElement element : elements) {
            if (element instanceof Chunk chunk) {
                for (int row = 0; row < chunk.size(); row++) {
                    values.add(chunk.longColumn(0).get(row));
                }
            }
        }
        return values;
    }

    private static int ownerOf(long key, int parallelism) {
        int[] hash = new int[1];
        longs(key).column(0).hashInto(hash, 1);
        return KeyGroups.subtaskForHash(hash[0], parallelism);
    }

    @Test
    void whenHashingToOneConsumer_thenChunksGoWholeAndInOrder() {
        Channel[] channels = channels(1);
        EdgeWriter writer = EdgeWriter.create(Partitioning.hash(0), channels, 0, 4);
        Chunk full = longs(1, 2, 3, 4);

        writer.emit(full);
        writer.emit(longs(5, 6));
        writer.flush();

        List<StreamElement> received = drain(channels[0]);
        assertThat(received.get(0)).as("a full chunk is passed on, not copied").isSameAs(full);
        assertThat(values(received)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void whenHashing_thenEachRowGoesToTheOwnerOfItsKeyGroupInOrder() {
        Channel[] channels = channels(4);
        EdgeWriter writer = EdgeWriter.create(Partitioning.hash(0), channels, 0, 1024);

        writer.emit(longs(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        writer.emit(longs(10, 11, 12, 13, 14, 15, 16, 17, 18, 19));
        writer.flush();

        int total = 0;
        for (int target = 0; target < 4; target++) {
            List<Long> received = values(drain(channels[target]));
            total += received.size();
            assertThat(received).isSorted();
            for (long key : received) {
                assertThat(ownerOf(key, 4)).isEqualTo(target);
            }
        }
        assertThat(total).isEqualTo(20);
    }

    @Test
    void whenAWatermarkFollowsBufferedRows_thenEveryChannelGetsTheRowsFirst() {
        Channel[] channels = channels(3);
        EdgeWriter writer = EdgeWriter.create(Partitioning.hash(0), channels, 0, 1024);

        writer.emit(longs(1, 2, 3, 4, 5, 6, 7, 8));
        writer.broadcastControl(new Watermark(8));
        writer.broadcastControl(EndOfInput.INSTANCE);

        for (Channel channel : channels) {
            List<StreamElement> elements = drain(channel);
            assertThat(elements.subList(elements.size() - 2, elements.size()))
                    .containsExactly(new Watermark(8), EndOfInput.INSTANCE);
            assertThat(elements.subList(0, elements.size() - 2)).allMatch(e -> e instanceof Chunk);
        }
    }

    @Test
    void whenBroadcasting_thenEveryChannelGetsTheSameChunk() {
        Channel[] channels = channels(3);
        EdgeWriter writer = EdgeWriter.create(Partitioning.BROADCAST, channels, 0, 4);
        Chunk chunk = longs(1, 2, 3);

        writer.emit(chunk);

        for (Channel channel : channels) {
            assertThat(drain(channel)).containsExactly(chunk);
        }
    }

    @Test
    void whenRebalancing_thenChunksGoRoundRobinStartingAtTheProducersOwnIndex() {
        Channel[] channels = channels(3);
        EdgeWriter writer = EdgeWriter.create(Partitioning.REBALANCE, channels, 1, 2);

        for (int i = 0; i < 4; i++) {
            writer.emit(longs(i, i));
        }

        assertThat(values(drain(channels[1]))).containsExactly(0L, 0L, 3L, 3L);
        assertThat(values(drain(channels[2]))).containsExactly(1L, 1L);
        assertThat(values(drain(channels[0]))).containsExactly(2L, 2L);
    }

    @Test
    void whenTheGateReadsSeveralChannels_thenItTakesOneElementFromEachInTurn() {
        Channel[] channels = channels(2);
        channels[0].put(longs(1));
        channels[0].put(longs(2));
        channels[1].put(longs(10));
        channels[1].put(longs(20));
        InputGate gate = new InputGate(channels, new int[] {0, 1}, 2);

        List<Long> order = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        StreamElement element;
        while ((element = gate.poll(NEVER_BLOCKS)) != null) {
            order.add(((Chunk) element).longColumn(0).get(0));
            inputs.add(gate.lastInput());
        }

        assertThat(order).containsExactly(1L, 10L, 2L, 20L);
        assertThat(inputs).containsExactly(0, 1, 0, 1);
    }

    @Test
    void whenEveryChannelOfAnInputEnded_thenThatInputAloneIsEnded() {
        Channel[] channels = channels(3);
        channels[0].put(EndOfInput.INSTANCE);
        InputGate gate = new InputGate(channels, new int[] {0, 0, 1}, 3);

        assertThat(gate.isInputEnded(2)).as("an input without channels").isTrue();
        assertThat(gate.poll(NEVER_BLOCKS)).isSameAs(EndOfInput.INSTANCE);
        assertThat(gate.isInputEnded(0)).isFalse();

        channels[1].put(EndOfInput.INSTANCE);
        gate.poll(NEVER_BLOCKS);
        assertThat(gate.isInputEnded(0)).isTrue();
        assertThat(gate.isInputEnded(1)).isFalse();
        assertThat(gate.allEnded()).isFalse();

        channels[2].put(EndOfInput.INSTANCE);
        gate.poll(NEVER_BLOCKS);
        assertThat(gate.allEnded()).isTrue();
    }
}
