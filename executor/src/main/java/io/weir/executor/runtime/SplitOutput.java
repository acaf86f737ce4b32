package io.weir.executor.runtime;

import io.weir.executor.api.Output;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Watermark;
import java.time.Clock;

/**
 * The {@link SourceOutput} a source task hands its reader: each chunk is shown to the {@link SplitWatermarks}
 * (which track its split's event time and may first report the task active again) and then pushed through the
 * chain. Watermarks the reader emits itself pass only when the source has no watermark strategy: with one, the
 * runtime alone derives event time, so a reader cannot move it past rows the strategy has not seen.
 */
final class SplitOutput implements SourceOutput {

    private final SplitWatermarks splits;
    private final Output chained;
    private final Clock clock;
    private final boolean passReaderWatermarks;

    SplitOutput(SplitWatermarks splits, Output chained, Clock clock, boolean passReaderWatermarks) {
        this.splits = splits;
        this.chained = chained;
        this.clock = clock;
        this.passReaderWatermarks = passReaderWatermarks;
    }

    @Override
    public void emit(int split, Chunk chunk) {
        splits.onChunk(split, chunk, clock.millis());
        chained.emit(chunk);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        if (passReaderWatermarks) {
            chained.emitWatermark(watermark);
        }
    }
}
