package io.weir.executor.connector;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.ChunkBuilder;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Values;
import java.util.List;

/** Builds chunks from rows of external values, for feeding sinks in tests. */
public final class Chunks {

    private Chunks() {
    }

    public static Chunk of(List<DataType> types, List<List<Object>> rows) {
        return of(types, rows, RowKind.INSERT);
    }

    public static Chunk of(List<DataType> types, List<List<Object>> rows, RowKind kind) {
        ChunkBuilder builder = new ChunkBuilder(types, Math.max(1, rows.size()));
        for (List<Object> row : rows) {
            int r = builder.addRow(kind);
            for (int c = 0; c < types.size(); c++) {
                Values.setExternal(types.get(c), builder.column(c), r, row.get(c));
            }
        }
        return builder.build();
    }
}
