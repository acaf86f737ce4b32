package io.weir.executor.data;

/**
 * What flows through a channel, in order: data chunks and in-band control elements.
 * Control elements never overtake data: a watermark promises that the chunks before it are complete up to its time.
 */
public sealed interface StreamElement permits Chunk, Watermark, WatermarkStatus, CheckpointBarrier, EndOfInput {
}
