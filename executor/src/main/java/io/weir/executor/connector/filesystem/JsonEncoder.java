package io.weir.executor.connector.filesystem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes rows as JSON Lines with Jackson's streaming generator: one object per line, every column as a field
 * (NULL as {@code null}), numbers as numbers, temporal values as SQL text, as {@link JsonLinesDecoder} reads them.
 */
final class JsonEncoder implements RecordEncoder {

    private final JsonGenerator generator;
    private final SerializedString[] names;
    private final DataType[] types;

    JsonEncoder(Writer out, JsonFactory factory, List<String> columnNames, List<DataType> types) throws IOException {
        this.generator = factory.createGenerator(out);
        // Rows are separated by the newline written after each one, not by Jackson's default space.
        generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
        this.names = new SerializedString[columnNames.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new SerializedString(columnNames.get(i));
        }
        this.types = types.toArray(new DataType[0]);
    }

    @Override
    public void write(Chunk chunk) throws IOException {
        FileSinkOperator.checkInsertOnly(chunk);
        for (int row = 0; row < chunk.size(); row++) {
            generator.writeStartObject();
            for (int c = 0; c < types.length; c++) {
                generator.writeFieldName(names[c]);
                writeValue(types[c], chunk.column(c), row);
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    private void writeValue(DataType type, Vector vector, int row) throws IOException {
        if (vector.isNull(row)) {
            generator.writeNull();
            return;
        }
        switch (type.kind()) {
            case BOOLEAN -> generator.writeBoolean(((BooleanVector) vector).get(row));
            case FLOAT, DOUBLE -> generator.writeNumber(((DoubleVector) vector).get(row));
            case CHAR, VARCHAR -> generator.writeString(((StringVector) vector).get(row));
            // toPlainString: BigDecimal's own toString switches to exponent notation for small values.
            case DECIMAL -> generator.writeNumber(
                    BigDecimal.valueOf(((LongVector) vector).get(row), type.decimalScale()).toPlainString());
            case DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ -> generator.writeString(Values.format(type, vector, row));
            case NULL -> generator.writeNull();
            default -> generator.writeNumber(((LongVector) vector).get(row));
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
