package io.weir.executor.api;

/**
 * How a source derives event time progress from its rows: the table's {@code WATERMARK FOR col AS expr}.
 *
 * @param watermark          the watermark expression, compiled over the source's physical columns; per row it
 *                           gives a candidate watermark (epoch millis; null rows are ignored); per split the
 *                           watermark is the maximum candidate seen so far (bounded out-of-orderness)
 * @param emitIntervalMillis how often the source emits its current watermark
 *                           ({@code pipeline.auto-watermark-interval}); 0 emits after every chunk
 * @param idleTimeoutMillis  a split without rows for this long no longer holds the watermark back
 *                           ({@code table.exec.source.idle-timeout}); 0 means never idle
 */
public record WatermarkStrategy(ScalarEvaluator watermark, long emitIntervalMillis, long idleTimeoutMillis) {
}
