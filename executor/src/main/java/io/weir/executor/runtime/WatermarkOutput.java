package io.weir.executor.runtime;

import io.weir.executor.data.WatermarkStatus;

/**
 * Where the pure event-time classes ({@link WatermarkValve}, {@link SplitWatermarks}) report progress: a new,
 * higher watermark, or a change between idle and active. Called synchronously from their input methods, on the
 * task thread; when both happen in one call, a status change to ACTIVE comes before the watermark it enables.
 */
interface WatermarkOutput {

    void emitWatermark(long timestamp);

    void emitStatus(WatermarkStatus status);
}
