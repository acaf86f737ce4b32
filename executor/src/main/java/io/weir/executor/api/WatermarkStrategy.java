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
 * @param delayedColumn      when the expression is {@code column - delay} (or the column itself, a delay of 0), that
 *                           column: a chunk's largest candidate is then its largest value less the delay, found without
 *                           evaluating the expression into a new vector; else -1
 * @param delayMillis        the delay of {@code delayedColumn}
 */
public record WatermarkStrategy(ScalarEvaluator watermark, long emitIntervalMillis, long idleTimeoutMillis,
        int delayedColumn, long delayMillis) {

    /** A strategy whose expression is evaluated as it is. */
    public WatermarkStrategy(ScalarEvaluator watermark, long emitIntervalMillis, long idleTimeoutMillis) {
        this(watermark, emitIntervalMillis, idleTimeoutMillis, -1, 0);
    }

    public WatermarkStrategy {
        if (delayedColumn >= 0 && delayMillis < 0) {
            throw new IllegalArgumentException("A watermark delay cannot be negative");
        }
    }

    /** The same strategy with the knowledge that its expression is {@code column - delayMillis}. */
    public WatermarkStrategy delaying(int column, long delay) {
        return new WatermarkStrategy(watermark, emitIntervalMillis, idleTimeoutMillis, column, delay);
    }
}
