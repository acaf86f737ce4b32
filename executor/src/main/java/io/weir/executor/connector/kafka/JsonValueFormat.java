package io.weir.executor.connector.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.weir.executor.connector.format.JsonOptions;
import io.weir.executor.connector.format.JsonRowDecoder;
import io.weir.executor.connector.format.JsonRowEncoder;
import io.weir.executor.connector.format.RecordLocation;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code 'format' = 'json'}: each record's value is one JSON object (UTF-8), read and written by column name. */
final class JsonValueFormat implements ValueFormat {

    /** Thread-safe once built; shared so Jackson's symbol tables and buffer pools are too. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonOptions options;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;

    JsonValueFormat(JsonOptions options, List<String> columnNames, List<DataType> columnTypes) {
        this.options = options;
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
    }

    @Override
    public Decoder decoder(RecordLocation where) {
        JsonRowDecoder rows = new JsonRowDecoder(FACTORY, options, columnNames, columnTypes, where);
        return (value, batch) -> rows.decode(value, 0, value.length, batch);
    }

    @Override
    public Encoder encoder() {
        return new JsonEncoder(new JsonRowEncoder(columnNames, columnTypes));
    }

    @Override
    public boolean skipsBadRecords() {
        return options.ignoreParseErrors();
    }

    /** Writes each row into one reused byte buffer with one reused generator, then copies the bytes out. */
    private static final class JsonEncoder implements Encoder {

        private final JsonRowEncoder rows;
        private final ByteArrayBuilder bytes = new ByteArrayBuilder();
        private final JsonGenerator generator;

        JsonEncoder(JsonRowEncoder rows) {
            this.rows = rows;
            try {
                this.generator = FACTORY.createGenerator(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // One object per value: no separator between the root values the generator writes.
            generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
        }

        @Override
        public byte[] encode(Chunk chunk, int row) throws IOException {
            rows.write(generator, chunk, row);
            generator.flush();
            byte[] value = bytes.toByteArray();
            bytes.reset();
            return value;
        }
    }
}
