package io.weir.executor.operators.window;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.TimerService;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import java.io.IOException;

/**
 * The TUMBLE, HOP and CUMULATE window table functions: appends {@code window_start}, {@code window_end} and
 * {@code window_time} ({@code window_end - 1}, a rowtime again so windows can cascade), all TIMESTAMP(3), to
 * every row, once per window that contains the row's time (see {@link WindowSpec}). Output columns: the input
 * columns, then those three.
 *
 * <p>EVENT time reads the time from {@code timeColumn}; rows whose time is null are dropped, and with
 * {@code dropLate} (streaming) so are rows at or below the last watermark this operator was handed, counted in
 * {@link WindowMetrics#LATE_RECORDS_DROPPED}. PROCESSING time places every row of a chunk by the task's clock
 * when the chunk arrives and ignores the time column and {@code dropLate}.
 *
 * <p>Stateless apart from the watermark: watermarks are forwarded unchanged, nothing is held back. Output
 * chunks hold at most {@code chunk.size} rows; a chunk of TUMBLE rows that all count passes its vectors on
 * without copying.
 */
public final class WindowTableFunctionOperator implements Operator {

    private static final byte STATE_VERSION = 1;

    private final WindowSpec spec;
    private final int timeColumn;
    private final RowtimeFilter rowtime;
    private final WindowAssigner assigner;

    private TimerService timers;
    private int chunkSize;
    /** Rows of the current input chunk that count. */
    private int[] kept = new int[0];
    /** Input row of each output row of the batch being built. */
    private int[] batchRows = new int[0];
    private LongVector batchStarts;
    private LongVector batchEnds;
    private int batchSize;

    /**
     * @param spec       the windows
     * @param timeColumn the rowtime column (TIMESTAMP(3) as epoch millis); unused for PROCESSING time
     * @param dropLate   drop rows at or below the watermark (event-time streaming); false in batch mode
     */
    public WindowTableFunctionOperator(WindowSpec spec, int timeColumn, boolean dropLate) {
        this.spec = spec;
        this.timeColumn = timeColumn;
        this.rowtime = new RowtimeFilter(dropLate && spec.time() == TimeKind.EVENT);
        this.assigner = new WindowAssigner(spec);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        timers = context.timerService();
        rowtime.open(context);
        batchRows = new int[chunkSize];
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        if (size == 0) {
            return;
        }
        if (kept.length < size) {
            kept = new int[size];
        }
        if (spec.time() == TimeKind.EVENT) {
            LongVector times = chunk.longColumn(timeColumn);
            int count = rowtime.select(times, size, kept);
            long[] values = times.values();
            for (int i = 0; i < count; i++) {
                addWindows(chunk, kept[i], values[kept[i]], out);
            }
        } else {
            long now = timers.currentProcessingTime();
            for (int r = 0; r < size; r++) {
                addWindows(chunk, r, now, out);
            }
        }
        flush(chunk, out);
    }

    private void addWindows(Chunk chunk, int row, long time, Output out) {
        int windows = assigner.assign(time);
        for (int j = 0; j < windows; j++) {
            if (batchSize == 0) {
                batchStarts = new LongVector(chunkSize);
                batchEnds = new LongVector(chunkSize);
            }
            batchRows[batchSize] = row;
            batchStarts.set(batchSize, assigner.start(j));
            batchEnds.set(batchSize, assigner.end(j));
            if (++batchSize == chunkSize) {
                flush(chunk, out);
            }
        }
    }

    private void flush(Chunk chunk, Output out) {
        if (batchSize == 0) {
            return;
        }
        int count = batchSize;
        batchSize = 0;
        Chunk rows = chunk.select(batchRows, count);
        LongVector windowTimes = new LongVector(count);
        long[] ends = batchEnds.values();
        long[] times = windowTimes.values();
        for (int i = 0; i < count; i++) {
            times[i] = ends[i] - 1;
        }
        Vector[] columns = new Vector[rows.columnCount() + 3];
        System.arraycopy(rows.columns(), 0, columns, 0, rows.columnCount());
        columns[columns.length - 3] = batchStarts;
        columns[columns.length - 2] = batchEnds;
        columns[columns.length - 1] = windowTimes;
        out.emit(new Chunk(columns, count, rows.rowKinds()));
    }

    /** Only the watermark is state: a restored operator must drop the rows it dropped as late before. */
    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        rowtime.snapshotInto(state);
        return state.snapshot();
    }

    @Override
    public void restoreState(StateReader state) throws IOException {
        rowtime.restoreFloor(state, STATE_VERSION, "window table function");
    }

    @Override
    public void processWatermark(Watermark watermark, Output out) {
        rowtime.advance(watermark.timestamp());
        out.emitWatermark(watermark);
    }
}
