package io.weir.executor.job;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.data.Watermark;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

/** Test sources: one BIGINT column of values {@code f(i)} for a range of {@code i}, in chunks. */
final class TestSources {

    static final List<DataType> BIGINT = List.of(DataType.BIGINT);

    private TestSources() {
    }

    /**
     * Rows {@code i} in {@code [0, rows)}, split into contiguous ranges over the subtasks, with value
     * {@code values(i)}; optionally a watermark after each chunk (the largest {@code i} emitted so far).
     */
    static Sequence sequence(long rows, int rowsPerChunk) {
        return new Sequence(rows, rowsPerChunk, i -> i, false, false);
    }

    /** Emits values {@code 0, 1, 2, ...} forever, one chunk per poll. */
    static Sequence unbounded(int rowsPerChunk) {
        return new Sequence(Long.MAX_VALUE, rowsPerChunk, i -> i, false, true);
    }

    static final class Sequence implements SourceFactory {
        final long rows;
        final int rowsPerChunk;
        final LongUnaryOperator values;
        final boolean watermarks;
        final boolean unbounded;
        /** Emits no more rows after this many (per subtask), then reports NOTHING_AVAILABLE forever. */
        long stallAfter = Long.MAX_VALUE;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        Sequence(long rows, int rowsPerChunk, LongUnaryOperator values, boolean watermarks, boolean unbounded) {
            this.rows = rows;
            this.rowsPerChunk = rowsPerChunk;
            this.values = values;
            this.watermarks = watermarks;
            this.unbounded = unbounded;
        }

        Sequence withValues(LongUnaryOperator f) {
            return new Sequence(rows, rowsPerChunk, f, watermarks, unbounded);
        }

        Sequence withWatermarks() {
            return new Sequence(rows, rowsPerChunk, values, true, unbounded);
        }

        Sequence stallingAfter(long emitted) {
            Sequence copy = new Sequence(rows, rowsPerChunk, values, watermarks, true);
            copy.stallAfter = emitted;
            return copy;
        }

        @Override
        public SourceReader createReader(int subtaskIndex, int parallelism) {
            if (unbounded) {
                return new Reader(0, Long.MAX_VALUE);
            }
            long from = rows * subtaskIndex / parallelism;
            long to = rows * (subtaskIndex + 1) / parallelism;
            return new Reader(from, to);
        }

        @Override
        public boolean isBounded() {
            return !unbounded;
        }

        private final class Reader implements SourceReader {
            private final long end;
            private long next;
            private long emitted;

            Reader(long from, long to) {
                this.next = from;
                this.end = to;
            }

            @Override
            public void open(OperatorContext context) {
                opened.incrementAndGet();
            }

            @Override
            public InputStatus pollNext(SourceOutput out) {
                if (emitted >= stallAfter) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                if (next >= end) {
                    return InputStatus.END_OF_INPUT;
                }
                int count = (int) Math.min(rowsPerChunk, Math.min(end - next, stallAfter - emitted));
                long[] data = new long[count];
                for (int r = 0; r < count; r++) {
                    data[r] = values.applyAsLong(next + r);
                }
                out.emit(new Chunk(new Vector[] {LongVector.wrap(data)}, count));
                next += count;
                emitted += count;
                if (watermarks) {
                    out.emitWatermark(new Watermark(next - 1));
                }
                return next < end ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }
    }
}
