package io.weir.executor.operators;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;

/**
 * OFFSET / FETCH over a stream in arrival order: skips the first {@code offset} rows, then passes at most
 * {@code fetch} rows and drops the rest. Whole chunks inside the window are forwarded without copying. Once the
 * fetch has passed, the operator is finished ({@link #isFinished}): over an unbounded input the query ends.
 */
public final class LimitOperator implements Operator {

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
