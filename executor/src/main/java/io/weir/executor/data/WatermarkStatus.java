package io.weir.executor.data;

/**
 * A channel's producer has become idle (no data, so its watermark must not hold event time back) or active
 * again. Idle channels are left out of the watermark minimum until they send data or {@link #ACTIVE}.
 */
public record WatermarkStatus(boolean idle) implements StreamElement {

    public static final WatermarkStatus IDLE = new WatermarkStatus(true);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);
}
