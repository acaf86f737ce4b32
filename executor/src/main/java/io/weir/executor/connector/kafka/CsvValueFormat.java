package io.weir.executor.connector.kafka;

import io.weir.executor.connector.RowBatch;
import io.weir.executor.connector.format.CsvOptions;
import io.weir.executor.connector.format.CsvRowDecoder;
import io.weir.executor.connector.format.CsvRowEncoder;
import io.weir.executor.connector.format.CsvTokenizer;
import io.weir.executor.connector.format.RecordException;
import io.weir.executor.connector.format.RecordLocation;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code 'format' = 'csv'}: each record's value is one CSV record (UTF-8) without a line break; field {@code i}
 * is column {@code i}. A value holding no record or more than one is a bad record.
 */
final class CsvValueFormat implements ValueFormat {

    private final CsvOptions options;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;

    CsvValueFormat(CsvOptions options, List<String> columnNames, List<DataType> columnTypes) {
        this.options = options;
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
    }

    @Override
    public Decoder decoder(RecordLocation where) {
        return new CsvDecoder(new CsvRowDecoder(options, columnNames, columnTypes, where),
                new CsvTokenizer(null, options.fieldDelimiter(), options.quoteCharacter(), options.allowComments()));
    }

    @Override
    public Encoder encoder() {
        return new CsvEncoder(new CsvRowEncoder(options, columnTypes));
    }

    @Override
    public boolean skipsBadRecords() {
        return options.ignoreParseErrors();
    }

    /** One tokenizer, reset for every value, so its buffers are reused. */
    private static final class CsvDecoder implements Decoder {

        private final CsvRowDecoder rows;
        private final CsvTokenizer tokenizer;

        CsvDecoder(CsvRowDecoder rows, CsvTokenizer tokenizer) {
            this.rows = rows;
            this.tokenizer = tokenizer;
        }

        @Override
        public void decode(byte[] value, RowBatch batch) throws RecordException {
            tokenizer.reset(new StringReader(new String(value, StandardCharsets.UTF_8)));
            try {
                if (!tokenizer.next()) {
                    throw new RecordException("Expected a CSV record, found none");
                }
                rows.decode(tokenizer, batch);
                if (tokenizer.next()) {
                    throw new RecordException("Expected one CSV record, found more");
                }
            } catch (IOException e) {
                throw new AssertionError("A StringReader does not fail", e);
            }
        }
    }

    /** Writes each row into one reused text buffer, then encodes it as UTF-8. */
    private static final class CsvEncoder implements Encoder {

        private final CsvRowEncoder rows;
        private final StringWriter text = new StringWriter();

        CsvEncoder(CsvRowEncoder rows) {
            this.rows = rows;
        }

        @Override
        public byte[] encode(Chunk chunk, int row) throws IOException {
            text.getBuffer().setLength(0);
            rows.write(text, chunk, row);
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
