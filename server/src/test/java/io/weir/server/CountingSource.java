package io.weir.server;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endless source of one BIGINT column counting 0, 1, 2, ...: a chunk of {@code chunkRows} per poll, every
 * other poll idle (the task then parks about a millisecond), so it produces fast without spinning a core.
 * {@link #emitted()} says how far it got. One subtask.
 */
final class CountingSource implements SourceFactory {

    private final int chunkRows;
    private final AtomicLong emitted = new AtomicLong();

    CountingSource(int chunkRows) {
        this.chunkRows = chunkRows;
    }

    long emitted() {
        return emitted.get();
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        return new SourceReader() {
            private long next;
            private boolean idle;

            @Override
            public InputStatus pollNext(SourceOutput out) {
                idle = !idle;
                if (idle) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                long[] values = new long[chunkRows];
                for (int i = 0; i < chunkRows; i++) {
                    values[i] = next++;
                }
                out.emit(new Chunk(new Vector[] {LongVector.wrap(values)}, chunkRows));
                emitted.set(next);
                return InputStatus.MORE_AVAILABLE;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean isBounded() {
        return false;
    }
}
