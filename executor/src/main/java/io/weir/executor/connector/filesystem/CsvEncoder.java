package io.weir.executor.connector.filesystem;

import io.weir.executor.connector.format.CsvOptions;
import io.weir.executor.connector.format.CsvRowEncoder;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows as CSV that {@link CsvDecoder} reads back: one record per line (see {@link CsvRowEncoder}). */
final class CsvEncoder implements RecordEncoder {

    private final Writer out;
    private final CsvRowEncoder rows;

    CsvEncoder(Writer out, CsvOptions options, List<DataType> types) {
        this.out = out;
        this.rows = new CsvRowEncoder(options, types);
    }

    @Override
    public void write(Chunk chunk) throws IOException {
        FileSinkOperator.checkInsertOnly(chunk);
        for (int row = 0; row < chunk.size(); row++) {
            rows.write(out, chunk, row);
            out.write('\n');
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
