package io.weir.executor.runtime;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.StreamElement;
import io.weir.executor.graph.Partitioning;

/**
 * The producer side of one job edge for one producer subtask: routes the subtask's chunks to the channels of
 * the consumer subtasks by the edge's {@link Partitioning}, coalescing small pieces. Control elements go to
 * every channel, after the rows buffered before them. Used by the producer's task thread only.
 */
abstract class EdgeWriter {

    protected final Channel[] channels;

    EdgeWriter(Channel[] channels) {
        this.channels = channels;
    }

    /**
     * The writer for an edge.
     *
     * @param channels the channels this producer subtask writes, indexed by consumer subtask; for FORWARD and
     *                 SINGLE edges just the one channel it writes
     */
    static EdgeWriter create(Partitioning partitioning, Channel[] channels, int subtaskIndex, int chunkSize) {
        if (partitioning instanceof Partitioning.Hash hash && channels.length > 1) {
            return new HashEdgeWriter(channels, hash.keys(), chunkSize);
        }
        if (partitioning instanceof Partitioning.Broadcast) {
            return new WholeChunkEdgeWriter(channels, WholeChunkEdgeWriter.Routing.ALL, subtaskIndex, chunkSize);
        }
        // FORWARD and SINGLE have one channel here, as has HASH to one consumer, which owns every key group: its
        // chunks go whole, without hashing every row and copying it into a piece of its own (at parallelism 1, most
        // of what q5's exchanges cost). REBALANCE spreads chunks over all of them.
        return new WholeChunkEdgeWriter(channels, WholeChunkEdgeWriter.Routing.ROUND_ROBIN, subtaskIndex, chunkSize);
    }

    /** Routes a chunk; may block on a full channel. */
    abstract void emit(Chunk chunk);

    /** Sends every buffered row now. */
    abstract void flush();

    abstract boolean hasBuffered();

    /** Sends a control element (watermark, status, end-of-input) to every consumer, after the rows buffered first. */
    final void broadcastControl(StreamElement element) {
        flush();
        for (Channel channel : channels) {
            channel.put(element);
        }
    }
}
