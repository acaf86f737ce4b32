package io.weir.executor.connector.jdbc;

import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.PhysicalType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows a JDBC sink has received but not yet written, kept in a compact binary form: the form they take in a
 * checkpoint too, so sealing a batch at the barrier costs no copy of the rows.
 *
 * <p>Layout per row: the {@link RowKind} code, then per column a presence byte (0 = NULL) and the value by
 * physical type: a long, a double, a boolean byte, or a string as its UTF-8 length and bytes. Read back by
 * {@link RowBinder}. Used on the task thread only.
 */
final class EncodedRows {

    private final PhysicalType[] physical;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(bytes);
    private int rowCount;

    EncodedRows(List<DataType> columnTypes) {
        physical = new PhysicalType[columnTypes.size()];
        for (int c = 0; c < physical.length; c++) {
            physical[c] = columnTypes.get(c).physical();
        }
    }

    int rowCount() {
        return rowCount;
    }

    /** Appends every row of {@code chunk}, whose columns are the table's columns. */
    void append(Chunk chunk) {
        try {
            for (int row = 0; row < chunk.size(); row++) {
                out.writeByte(chunk.rowKind(row).code());
                for (int c = 0; c < physical.length; c++) {
                    writeValue(chunk.column(c), physical[c], row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        rowCount += chunk.size();
    }

    private void writeValue(Vector vector, PhysicalType type, int row) throws IOException {
        if (vector.isNull(row)) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        switch (type) {
            case LONG -> out.writeLong(((LongVector) vector).get(row));
            case DOUBLE -> out.writeDouble(((DoubleVector) vector).get(row));
            case BOOLEAN -> out.writeBoolean(((BooleanVector) vector).get(row));
            case STRING -> {
                byte[] utf8 = ((StringVector) vector).get(row).getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
    }

    /** Takes the rows appended so far as an immutable batch and starts an empty buffer. */
    RowBatchBytes seal(long checkpointId) {
        RowBatchBytes batch = new RowBatchBytes(checkpointId, rowCount, bytes.toByteArray());
        bytes = new ByteArrayOutputStream();
        out = new DataOutputStream(bytes);
        rowCount = 0;
        return batch;
    }
}
