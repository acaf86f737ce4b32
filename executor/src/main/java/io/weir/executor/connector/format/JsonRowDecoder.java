package io.weir.executor.connector.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSON object (a line of a file, the value of a Kafka record) into a row, matching fields to columns by
 * name with Jackson's streaming parser: no tree is built per row. Unknown fields are ignored, a missing field is
 * NULL (or an error with {@code json.fail-on-missing-field}), a nested object or array read into a string column
 * is its JSON text, and a string read into a non-string column is parsed as SQL text (so timestamps come as
 * strings).
 *
 * <p>A record that is not one JSON object is a {@link RecordException}, which the reader skips or reports; a bad
 * value fails the query with the record's location and the field, or becomes NULL with
 * {@code json.ignore-parse-errors}. Each record gets its own small parser (Jackson recycles its buffers).
 * Used by one reader thread.
 */
public final class JsonRowDecoder {

    private final JsonFactory factory;
    private final JsonOptions options;
    private final List<String> columnNames;
    private final DataType[] types;
    private final RecordLocation where;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    /** The row stamp at which each column was last written; a column whose stamp differs from the current one is missing. */
    private final long[] writtenAt;
    private long rowStamp;

    public JsonRowDecoder(JsonFactory factory, JsonOptions options, List<String> columnNames, List<DataType> types,
            RecordLocation where) {
        this.factory = factory;
        this.options = options;
        this.columnNames = List.copyOf(columnNames);
        this.types = types.toArray(new DataType[0]);
        this.where = where;
        this.writtenAt = new long[this.types.length];
        for (int i = 0; i < columnNames.size(); i++) {
            columnIndex.put(columnNames.get(i), i);
        }
    }

    /**
     * Writes the JSON object in {@code text[0, length)} into the row at {@code batch.row()}; the caller commits it.
     *
     * @throws RecordException when the text is not one JSON object, or a field is missing with
     *                         {@code json.fail-on-missing-field}
     * @throws WeirException   EXECUTION for a bad value when parse errors are not ignored
     */
    public void decode(char[] text, int length, RowBatch batch) throws RecordException {
        try (JsonParser parser = factory.createParser(text, 0, length)) {
            decode(parser, batch);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** As {@link #decode(char[], int, RowBatch)}, for JSON in {@code bytes[offset, offset + length)} (UTF-8). */
    public void decode(byte[] bytes, int offset, int length, RowBatch batch) throws RecordException {
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
            decode(parser, batch);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    private static RecordException invalid(IOException e) {
        // The input is in memory: any I/O problem the parser reports is malformed input (bad UTF-8 included).
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        return new RecordException("Invalid JSON: " + message);
    }

    private void decode(JsonParser parser, RowBatch batch) throws IOException, RecordException {
        rowStamp++;
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new RecordException("Expected a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Integer column = columnIndex.get(parser.currentName());
            JsonToken token = parser.nextToken();
            if (column == null) {
                parser.skipChildren();
                continue;
            }
            decodeField(batch, column, token, parser);
            writtenAt[column] = rowStamp;
        }
        if (parser.nextToken() != null) {
            throw new RecordException("Unexpected content after the JSON object");
        }
        for (int c = 0; c < types.length; c++) {
            if (writtenAt[c] != rowStamp) {
                if (options.failOnMissingField()) {
                    throw new RecordException("Missing field '" + columnNames.get(c) + "'");
                }
                batch.setNull(c);
            }
        }
    }

    private void decodeField(RowBatch batch, int c, JsonToken token, JsonParser parser) throws IOException {
        try {
            decodeValue(batch, c, token, parser);
        } catch (RuntimeException e) {
            if (!options.ignoreParseErrors() || (e instanceof WeirException w && w.kind() != ErrorKind.EXECUTION)) {
                String problem = e instanceof WeirException ? e.getMessage()
                        : "Cannot read '" + parser.getText() + "' as " + types[c].withNullable(true).sqlName();
                throw WeirException.execution(where.describe() + ", field '" + columnNames.get(c) + "': " + problem);
            }
            batch.setNull(c);
        }
    }

    private void decodeValue(RowBatch batch, int c, JsonToken token, JsonParser parser) throws IOException {
        DataType type = types[c];
        TypeKind kind = type.kind();
        switch (token) {
            case VALUE_NULL -> batch.setNull(c);
            case VALUE_STRING -> {
                if (kind.isCharacter()) {
                    batch.setString(c, parser.getText());
                } else {
                    batch.parse(c, parser.getText());
                }
            }
            case VALUE_NUMBER_INT -> {
                if (kind.isIntegral() && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    long value = parser.getLongValue();
                    Values.checkRange(value, kind);
                    batch.setLong(c, value);
                } else if (kind == TypeKind.DOUBLE || kind == TypeKind.FLOAT) {
                    batch.setDouble(c, parser.getDoubleValue());
                } else if (kind.isCharacter()) {
                    batch.setString(c, parser.getText());
                } else {
                    batch.setExternal(c, parser.getNumberValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                if (kind == TypeKind.DOUBLE || kind == TypeKind.FLOAT) {
                    batch.setDouble(c, parser.getDoubleValue());
                } else if (kind.isCharacter()) {
                    batch.setString(c, parser.getText());
                } else {
                    batch.setExternal(c, parser.getDecimalValue());
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                boolean value = token == JsonToken.VALUE_TRUE;
                if (kind == TypeKind.BOOLEAN) {
                    batch.setBoolean(c, value);
                } else if (kind.isCharacter()) {
                    batch.setString(c, value ? "true" : "false");
                } else {
                    throw mismatch("a JSON boolean", type);
                }
            }
            case START_OBJECT, START_ARRAY -> {
                if (kind.isCharacter()) {
                    batch.setString(c, copyAsText(parser));
                } else {
                    parser.skipChildren();
                    throw mismatch(token == JsonToken.START_OBJECT ? "a JSON object" : "a JSON array", type);
                }
            }
            default -> throw mismatch("JSON token " + token, type);
        }
    }

    private static WeirException mismatch(String what, DataType type) {
        return WeirException.execution("Cannot read " + what + " as " + type.withNullable(true).sqlName());
    }

    private String copyAsText(JsonParser parser) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }
}
