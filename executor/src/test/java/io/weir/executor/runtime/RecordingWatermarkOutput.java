package io.weir.executor.runtime;

import io.weir.executor.data.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;

/** Records what a valve or split tracker reports, in order: watermarks as {@code Long}, statuses as themselves. */
final class RecordingWatermarkOutput implements WatermarkOutput {

    final List<Object> events = new ArrayList<>();

    @Override
    public void emitWatermark(long timestamp) {
        events.add(timestamp);
    }

    @Override
    public void emitStatus(WatermarkStatus status) {
        events.add(status);
    }

    /** The events so far, then forgets them. */
    List<Object> take() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}
