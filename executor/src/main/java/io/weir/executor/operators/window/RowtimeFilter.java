package io.weir.executor.operators.window;

import io.weir.executor.api.Counter;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.LongVector;
import java.io.DataInput;
import java.io.IOException;

/**
 * The event-time rule shared by the window and streaming-sort operators: the operator's own watermark (the
 * highest it has been handed, so it never depends on what the runtime's timer service reports) and which
 * arriving rows count. A row counts when its rowtime is not null and, if late rows are dropped, above the
 * watermark; late rows are counted in {@link WindowMetrics#LATE_RECORDS_DROPPED}.
 */
final class RowtimeFilter {

    private final boolean dropLate;
    private Counter lateRecordsDropped;
    private long watermark = Long.MIN_VALUE;

    RowtimeFilter(boolean dropLate) {
        this.dropLate = dropLate;
    }

    void open(OperatorContext context) {
        lateRecordsDropped = context.counter(WindowMetrics.LATE_RECORDS_DROPPED);
    }

    /**
     * True when a window ending at {@code end} (exclusive) has closed at {@code watermark}: its last millisecond
     * {@code end - 1} is at or below the watermark, so no row of it can still come.
     */
    static boolean isClosed(long end, long watermark) {
        // end - 1 <= watermark, written so that neither side overflows.
        return watermark == Long.MAX_VALUE || end <= watermark + 1;
    }

    /** Moves the watermark forward to {@code timestamp}; a lower one (which a correct runtime never sends) is ignored. */
    void advance(long timestamp) {
        watermark = Math.max(watermark, timestamp);
    }

    long watermark() {
        return watermark;
    }

    /** Writes the watermark into {@code state}'s operator state (restored by {@link #restoreFloor}). */
    void snapshotInto(StateBytes state) throws IOException {
        ValueCodec.writeVarLong(state.operatorState(), watermark);
    }

    /**
     * Reads the watermark each old subtask wrote first in its operator state ({@link #snapshotInto}, after the
     * version byte) and takes their minimum as the floor: a row at or below it was late before the failure and
     * is late again. Leaves each stream positioned after the watermark, for the operator's own state.
     */
    void restoreFloor(StateReader state, byte version, String what) throws IOException {
        long floor = Long.MAX_VALUE;
        for (DataInput in : state.operatorStates()) {
            StateBytes.checkVersion(in, version, what);
            floor = Math.min(floor, ValueCodec.readVarLong(in));
        }
        if (floor != Long.MAX_VALUE) {
            advance(floor);
        }
    }

    /** Counts {@code count} rows dropped as late by the operator itself (e.g. rows of a window that has fired). */
    void countLate(int count) {
        if (count > 0) {
            lateRecordsDropped.inc(count);
        }
    }

    /**
     * Writes the indexes of the rows of {@code times[0..size)} that count into {@code positions} and returns
     * how many there are.
     */
    int select(LongVector times, int size, int[] positions) {
        long[] values = times.values();
        boolean[] nulls = times.mayHaveNulls() ? times.nullMask() : null;
        int kept = 0;
        int late = 0;
        for (int r = 0; r < size; r++) {
            if (nulls != null && nulls[r]) {
                continue;
            }
            if (dropLate && values[r] <= watermark) {
                late++;
            } else {
                positions[kept++] = r;
            }
        }
        countLate(late);
        return kept;
    }
}
