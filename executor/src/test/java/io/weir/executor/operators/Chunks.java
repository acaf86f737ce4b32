package io.weir.executor.operators;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds chunks from rows of external values and reads them back, for tests. */
public final class Chunks {

    private Chunks() {
    }

    public static Chunk of(List<DataType> types, List<? extends List<?>> rows) {
        return of(types, rows, null);
    }

    /** A chunk of the rows with the given kinds (null: all inserts). */
    public static Chunk of(List<DataType> types, List<? extends List<?>> rows, List<RowKind> kinds) {
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(types.get(c), rows.size());
        }
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            if (row.size() != types.size()) {
                throw new IllegalArgumentException("Row " + row + " does not have " + types.size() + " values");
            }
            for (int c = 0; c < columns.length; c++) {
                Values.setExternal(types.get(c), columns[c], r, row.get(c));
            }
        }
        byte[] codes = null;
        if (kinds != null) {
            codes = new byte[rows.size()];
            for (int r = 0; r < codes.length; r++) {
                codes[r] = kinds.get(r).code();
            }
        }
        return new Chunk(columns, rows.size(), codes);
    }

    public static Chunk of(List<DataType> types, List<?>... rows) {
        return of(types, Arrays.asList(rows));
    }

    /** Splits rows into chunks of at most {@code chunkSize} rows. */
    public static List<Chunk> split(List<DataType> types, List<? extends List<?>> rows, int chunkSize) {
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += chunkSize) {
            chunks.add(of(types, rows.subList(from, Math.min(rows.size(), from + chunkSize))));
        }
        return chunks;
    }

    /** The rows of {@code chunk} as external values of {@code types} (raw vector values when types is null). */
    public static List<List<Object>> rows(Chunk chunk, List<DataType> types) {
        List<List<Object>> rows = new ArrayList<>(chunk.size());
        for (int r = 0; r < chunk.size(); r++) {
            Object[] values = new Object[chunk.columnCount()];
            for (int c = 0; c < values.length; c++) {
                values[c] = types == null
                        ? chunk.column(c).getObject(r)
                        : Values.toExternal(types.get(c), chunk.column(c), r);
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }
}
