package io.weir.executor.connector.filesystem;

import com.fasterxml.jackson.core.JsonFactory;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.connector.format.JsonOptions;
import io.weir.executor.connector.format.JsonRowDecoder;
import io.weir.executor.connector.format.RecordException;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Turns JSON Lines (one object per line, blank lines skipped) into rows; see {@link JsonRowDecoder} for how
 * fields become columns. Each line is parsed from the reusable line buffer, which buys exact line numbers and
 * the ability to skip a malformed line with {@code json.ignore-parse-errors} (a bad value then becomes NULL, a
 * bad line is skipped).
 */
final class JsonLinesDecoder implements RecordDecoder {

    private final String fileName;
    private final LineReader lines;
    private final JsonOptions options;
    private final JsonRowDecoder rows;

    JsonLinesDecoder(String fileName, Reader in, JsonFactory factory, JsonOptions options, List<String> columnNames,
            List<DataType> types) {
        this.fileName = fileName;
        this.lines = new LineReader(in);
        this.options = options;
        this.rows = new JsonRowDecoder(factory, options, columnNames, types, this::location);
    }

    @Override
    public boolean fill(RowBatch batch) throws IOException {
        while (!batch.isFull()) {
            if (!lines.next()) {
                return false;
            }
            if (lines.isBlank()) {
                continue;
            }
            try {
                rows.decode(lines.chars(), lines.length(), batch);
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
        return "File '" + fileName + "', line " + lines.lineNumber();
    }

    @Override
    public void close() {
        // The reader owns the stream.
    }
}
