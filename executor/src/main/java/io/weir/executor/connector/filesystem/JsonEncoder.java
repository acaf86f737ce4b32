package io.weir.executor.connector.filesystem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.weir.executor.connector.format.JsonRowEncoder;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows as JSON Lines, one object per line (see {@link JsonRowEncoder}), as {@link JsonLinesDecoder} reads them. */
final class JsonEncoder implements RecordEncoder {

    private final JsonGenerator generator;
    private final JsonRowEncoder rows;

    JsonEncoder(Writer out, JsonFactory factory, List<String> columnNames, List<DataType> types) throws IOException {
        this.generator = factory.createGenerator(out);
        // Rows are separated by the newline written after each one, not by Jackson's default space.
        generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
        this.rows = new JsonRowEncoder(columnNames, types);
    }

    @Override
    public void write(Chunk chunk) throws IOException {
        FileSinkOperator.checkInsertOnly(chunk);
        for (int row = 0; row < chunk.size(); row++) {
            rows.write(generator, chunk, row);
            generator.writeRaw('\n');
        }
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
