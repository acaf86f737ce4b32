package io.weir.executor.connector;

import io.weir.executor.api.SourceOutput;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import io.weir.executor.data.Watermark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SourceOutput} that keeps everything (chunks with the split they came from, watermarks), with the rows
 * in their external form (see {@link Values}).
 */
public final class CollectingOutput implements SourceOutput {

    public final List<Chunk> chunks = new ArrayList<>();
    public final List<Integer> splits = new ArrayList<>();
    public final List<Watermark> watermarks = new ArrayList<>();

    @Override
    public void emit(int split, Chunk chunk) {
        chunks.add(chunk);
        splits.add(split);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        watermarks.add(watermark);
    }

    public int rowCount() {
        return chunks.stream().mapToInt(Chunk::size).sum();
    }

    /** Every row as a list of external values ({@code Long}, {@code BigDecimal}, {@code LocalDate}, ...). */
    public List<List<Object>> rows(List<DataType> types) {
        List<List<Object>> rows = new ArrayList<>();
        for (Chunk chunk : chunks) {
            for (int r = 0; r < chunk.size(); r++) {
                Object[] row = new Object[types.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = Values.toExternal(types.get(c), chunk.column(c), r);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }
}
