package io.weir.executor.connector.filesystem;

import io.weir.executor.connector.format.CsvOptions;
import io.weir.executor.data.DataType;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/** {@code 'format' = 'csv'}. */
final class CsvFormat implements FileFormat {

    private final CsvOptions options;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;

    CsvFormat(CsvOptions options, List<String> columnNames, List<DataType> columnTypes) {
        this.options = options;
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public RecordDecoder decoder(String fileName, Reader in) {
        return new CsvDecoder(fileName, in, options, columnNames, columnTypes);
    }

    @Override
    public RecordEncoder encoder(Writer out) {
        return new CsvEncoder(out, options, columnTypes);
    }
}
