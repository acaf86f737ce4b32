package io.weir.executor.operators;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.StateBytes;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.Chunk;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * OFFSET / FETCH over a stream in arrival order: skips the first {@code offset} rows, then passes at most
 * {@code fetch} rows and drops the rest. Whole chunks inside the window are forwarded without copying. Once the
 * fetch has passed, the operator is finished ({@link #isFinished}): over an unbounded input the query ends.
 *
 * <p>Checkpoints: the rows skipped and passed so far are operator state, so a restored query neither passes a
 * row twice nor passes more than {@code fetch} rows in all. The planner runs LIMIT at parallelism 1; were it
 * restored from several old subtasks, their counts add up.
 */
public final class LimitOperator implements Operator {

    private static final byte STATE_VERSION = 1;

    private final long offset;
    private final long fetch;
    /** Rows still to skip. */
    private long toSkip;
    /** Rows still to pass; {@link Long#MAX_VALUE} when there is no limit. */
    private long toPass;

    /**
     * @param offset rows to skip (0 for none)
     * @param fetch  rows to pass at most, or -1 for no limit
     */
    public LimitOperator(long offset, long fetch) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        this.offset = offset;
        this.fetch = fetch;
        this.toSkip = offset;
        this.toPass = fetch < 0 ? Long.MAX_VALUE : fetch;
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        int skip = (int) Math.min(toSkip, size);
        toSkip -= skip;
        int pass = (int) Math.min(toPass, size - skip);
        if (pass <= 0) {
            return;
        }
        toPass -= pass;
        out.emit(skip == 0 && pass == size ? chunk : slice(chunk, skip, pass));
    }

    @Override
    public StateSnapshot snapshotState(long checkpointId) throws IOException {
        StateBytes state = new StateBytes(STATE_VERSION);
        DataOutput out = state.operatorState();
        ValueCodec.writeVarLong(out, offset - toSkip);
        ValueCodec.writeVarLong(out, fetch < 0 ? 0 : fetch - toPass);
        return state.snapshot();
    }

    @Override
    public void restoreState(StateReader state) throws IOException {
        long skipped = 0;
        long passed = 0;
        for (DataInput in : state.operatorStates()) {
            StateBytes.checkVersion(in, STATE_VERSION, "LIMIT");
            skipped += ValueCodec.readVarLong(in);
            passed += ValueCodec.readVarLong(in);
        }
        toSkip = Math.max(0, offset - skipped);
        if (fetch >= 0) {
            toPass = Math.max(0, fetch - passed);
        }
    }

    /** Every row of the fetch has passed: later rows cannot change the output, so the task need not read them. */
    @Override
    public boolean isFinished() {
        return toPass == 0;
    }

    private static Chunk slice(Chunk chunk, int from, int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = from + i;
        }
        return chunk.select(positions, count);
    }

    @Override
    public String toString() {
        return "Limit(offset=" + offset + ", fetch=" + fetch + ")";
    }
}
