package io.weir.executor.runtime;

import io.weir.executor.data.Chunk;

/**
 * An edge writer that moves chunks whole (FORWARD, SINGLE, REBALANCE, BROADCAST): one coalescer in front,
 * then each coalesced chunk goes to one channel in turn or, for broadcast, the same immutable chunk to all.
 */
final class WholeChunkEdgeWriter extends EdgeWriter {

    enum Routing {
        /** Each chunk to the next channel in turn; with one channel, always that one. */
        ROUND_ROBIN,
        /** Each chunk to every channel. */
        ALL
    }

    private final Routing routing;
    private final ChunkCoalescer coalescer;
    private int next;

    WholeChunkEdgeWriter(Channel[] channels, Routing routing, int subtaskIndex, int chunkSize) {
        super(channels);
        this.routing = routing;
        // Start producers at different consumers so round-robin spreads load from the first chunk on.
        this.next = subtaskIndex % channels.length;
        this.coalescer = new ChunkCoalescer(chunkSize, this::send);
    }

    @Override
    void emit(Chunk chunk) {
        coalescer.add(chunk);
    }

    @Override
    void flush() {
        coalescer.flush();
    }

    @Override
    boolean hasBuffered() {
        return !coalescer.isEmpty();
    }

    private void send(Chunk chunk) {
        if (routing == Routing.ALL) {
            for (Channel channel : channels) {
                channel.put(chunk);
            }
            return;
        }
        channels[next].put(chunk);
        next = next + 1 == channels.length ? 0 : next + 1;
    }
}
