package io.weir.executor.connector.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a row as one JSON object with Jackson's streaming generator: every column as a field (NULL as
 * {@code null}), numbers as numbers, temporal values as SQL text, as {@link JsonRowDecoder} reads them.
 * Immutable.
 */
public final class JsonRowEncoder {

    private final SerializedString[] names;
    private final DataType[] types;

    public JsonRowEncoder(List<String> columnNames, List<DataType> types) {
        this.names = new SerializedString[columnNames.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new SerializedString(columnNames.get(i));
        }
        this.types = types.toArray(new DataType[0]);
    }

    /** Writes row {@code row} of {@code chunk} (whose columns are the table's) as one object. */
    public void write(JsonGenerator generator, Chunk chunk, int row) throws IOException {
        generator.writeStartObject();
        for (int c = 0; c < types.length; c++) {
            generator.writeFieldName(names[c]);
            writeValue(generator, types[c], chunk.column(c), row);
        }
        generator.writeEndObject();
    }

    private static void writeValue(JsonGenerator generator, DataType type, Vector vector, int row) throws IOException {
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
}
