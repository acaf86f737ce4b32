package io.weir.executor.connector.filesystem;

import com.fasterxml.jackson.core.JsonFactory;
import io.weir.executor.connector.format.JsonOptions;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/** {@code 'format' = 'json'}: JSON Lines. */
final class JsonFormat implements FileFormat {

    /** Thread-safe once built; shared by every table so Jackson's symbol tables and buffer pools are too. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonOptions options;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;

    JsonFormat(JsonOptions options, List<String> columnNames, List<DataType> columnTypes) {
        this.options = options;
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public RecordDecoder decoder(String fileName, Reader in) {
        return new JsonLinesDecoder(fileName, in, FACTORY, options, columnNames, columnTypes);
    }

    @Override
    public RecordEncoder encoder(Writer out) throws IOException {
        return new JsonEncoder(out, FACTORY, columnNames, columnTypes);
    }
}
