package io.weir.executor.api;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.Watermark;

/**
 * Where an operator or source puts its results. Emitting may block while downstream is full (backpressure);
 * an emitted chunk must not be written to afterwards.
 */
public interface Output {

    void emit(Chunk chunk);

    void emitWatermark(Watermark watermark);
}
