package io.weir.executor.connector.filesystem;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.connector.format.CsvOptions;
import io.weir.executor.connector.format.CsvRowDecoder;
import io.weir.executor.connector.format.CsvTokenizer;
import io.weir.executor.connector.format.RecordException;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Turns the CSV records of a file into rows (see {@link CsvRowDecoder} for values and NULLs). A bad value or
 * record fails the query with the file, line and column; with {@code csv.ignore-parse-errors} a bad value becomes
 * NULL and a bad record (wrong number of fields, broken quoting) is skipped, as Flink does.
 */
final class CsvDecoder implements RecordDecoder {

    private final String fileName;
    private final CsvTokenizer tokenizer;
    private final CsvOptions options;
    private final CsvRowDecoder rows;

    CsvDecoder(String fileName, Reader in, CsvOptions options, List<String> columnNames, List<DataType> types) {
        this.fileName = fileName;
        this.tokenizer = new CsvTokenizer(in, options.fieldDelimiter(), options.quoteCharacter(), options.allowComments());
        this.options = options;
        this.rows = new CsvRowDecoder(options, columnNames, types, this::location);
    }

    @Override
    public boolean fill(RowBatch batch) throws IOException {
        while (!batch.isFull()) {
            try {
                if (!tokenizer.next()) {
                    return false;
                }
                rows.decode(tokenizer, batch);
            } catch (RecordException e) {
                if (options.ignoreParseErrors()) {
                    continue;
                }
                throw WeirException.execution(location() + ": " + e.getMessage());
            }
            batch.commitRow();
        }
        return true;
    }

    private String location() {
        return "File '" + fileName + "', line " + tokenizer.recordLine();
    }

    @Override
    public void close() {
        // The reader owns the stream.
    }
}
