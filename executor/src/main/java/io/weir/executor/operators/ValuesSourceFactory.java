package io.weir.executor.operators;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import java.util.List;

/**
 * A bounded source of literal rows ({@code VALUES (...), (...)}): subtask 0 emits them in chunks of at most
 * {@code chunkSize} rows, one chunk per poll; every other subtask is empty.
 *
 * <p>A poll that emits a chunk answers {@link InputStatus#MORE_AVAILABLE}; the poll after the last chunk emits
 * nothing and answers {@link InputStatus#END_OF_INPUT}.
 */
public final class ValuesSourceFactory implements SourceFactory {

    private final List<DataType> types;
    private final Chunk rows;

    /** @param rows the rows, with one column per type; never written to, so it may be shared */
    public ValuesSourceFactory(List<DataType> types, Chunk rows) {
        if (rows.columnCount() != types.size()) {
            throw new IllegalArgumentException(
                    "VALUES rows have " + rows.columnCount() + " columns but " + types.size() + " types");
        }
        this.types = List.copyOf(types);
        this.rows = rows;
    }

    public List<DataType> types() {
        return types;
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        return new Reader(subtaskIndex == 0 ? rows : Chunk.empty(types));
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    private static final class Reader implements SourceReader {

        private final Chunk rows;
        private int chunkSize = 1024;
        private int next;

        Reader(Chunk rows) {
            this.rows = rows;
        }

        @Override
        public void open(OperatorContext context) {
            chunkSize = context.chunkSize();
        }

        @Override
        public InputStatus pollNext(SourceOutput out) {
            int size = rows.size();
            if (next >= size) {
                return InputStatus.END_OF_INPUT;
            }
            int count = Math.min(chunkSize, size - next);
            if (next == 0 && count == size) {
                out.emit(rows);
            } else {
                int[] positions = new int[count];
                for (int i = 0; i < count; i++) {
                    positions[i] = next + i;
                }
                out.emit(rows.select(positions, count));
            }
            next += count;
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public void close() {
        }
    }
}
