package io.weir.executor.checkpoint;

import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.PackedStrings;
import io.weir.executor.data.PhysicalType;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The compact binary encoding of column values that operators and readers use in their snapshots: variable-length
 * integers (zig-zag for signed values, so small negatives stay short), UTF-8 strings with a length prefix, and rows
 * written column by column (a null mask only when a column has nulls), so that a snapshot costs about what the
 * values themselves weigh. Pure functions, no state; callers write their own version byte before using it.
 *
 * <p>Rows are written as a selection of a chunk's (or a store's) vectors, so an operator can write one key
 * group's rows without first copying them out.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /** An unsigned variable-length int: 7 bits a byte, low bits first. */
    public static void writeVarInt(DataOutput out, int value) throws IOException {
        if (out instanceof StateOutput state) {
            state.writeVarInt(value);
            return;
        }
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    public static int readVarInt(DataInput in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("Corrupt state: variable-length int longer than 5 bytes");
    }

    /** A signed long in zig-zag variable-length form (1 byte for -64..63, at most 10). */
    public static void writeVarLong(DataOutput out, long value) throws IOException {
        if (out instanceof StateOutput state) {
            state.writeVarLong(value);
            return;
        }
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.writeByte((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.writeByte((int) zigzag);
    }

    public static long readVarLong(DataInput in) throws IOException {
        long zigzag = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = in.readByte();
            zigzag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
        throw new IOException("Corrupt state: variable-length long longer than 10 bytes");
    }

    /** A non-null string as UTF-8 with a length prefix (no 64 KB limit, unlike {@link DataOutput#writeUTF}). */
    public static void writeString(DataOutput out, String value) throws IOException {
        if (out instanceof StateOutput state) {
            state.writeString(value);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInput in) throws IOException {
        int length = readVarInt(in);
        if (length < 0) {
            throw new IOException("Corrupt state: string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A byte array with a length prefix. */
    public static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        writeVarInt(out, bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        int length = readVarInt(in);
        if (length < 0) {
            throw new IOException("Corrupt state: byte array length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /**
     * Writes rows {@code rows[0..count)} of {@code columns}: the count, then each column (see
     * {@link #writeColumn}). Row kinds are not written; state holds insert-only rows.
     */
    public static void writeRows(DataOutput out, Vector[] columns, int[] rows, int count) throws IOException {
        writeRows(out, columns, rows, 0, count);
    }

    /** {@link #writeRows} of rows {@code rows[from..from + count)}. */
    public static void writeRows(DataOutput out, Vector[] columns, int[] rows, int from, int count)
            throws IOException {
        writeVarInt(out, count);
        for (Vector column : columns) {
            writeColumn(out, column, rows, from, count);
        }
    }

    /** Reads what {@link #writeRows} wrote, as one chunk of columns of {@code types}. */
    public static Chunk readRows(DataInput in, List<DataType> types) throws IOException {
        int count = readVarInt(in);
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = readColumn(in, types.get(c), count);
        }
        return new Chunk(columns, count);
    }

    /**
     * Writes the values of rows {@code rows[0..count)} of {@code column}: a flag saying whether a null mask follows,
     * the mask (one bit a row), then the non-null values by physical type (varlong, 8-byte double, a bit per
     * boolean in the mask's style, length-prefixed UTF-8).
     */
    public static void writeColumn(DataOutput out, Vector column, int[] rows, int count) throws IOException {
        writeColumn(out, column, rows, 0, count);
    }

    /** {@link #writeColumn} of rows {@code rows[from..from + count)}. */
    public static void writeColumn(DataOutput out, Vector column, int[] rows, int from, int count)
            throws IOException {
        int end = from + count;
        boolean anyNull = false;
        if (column.mayHaveNulls()) {
            for (int i = from; i < end && !anyNull; i++) {
                anyNull = column.isNull(rows[i]);
            }
        }
        out.writeBoolean(anyNull);
        if (anyNull) {
            writeBits(out, count, i -> column.isNull(rows[from + i]));
        }
        switch (column.physicalType()) {
            case LONG -> {
                long[] values = ((LongVector) column).values();
                for (int i = from; i < end; i++) {
                    if (!anyNull || !column.isNull(rows[i])) {
                        writeVarLong(out, values[rows[i]]);
                    }
                }
            }
            case DOUBLE -> {
                double[] values = ((DoubleVector) column).values();
                for (int i = from; i < end; i++) {
                    if (!anyNull || !column.isNull(rows[i])) {
                        out.writeDouble(values[rows[i]]);
                    }
                }
            }
            case BOOLEAN -> {
                boolean[] values = ((BooleanVector) column).values();
                writeBits(out, count, i -> values[rows[from + i]] && !(column.isNull(rows[from + i])));
            }
            case STRING -> {
                String[] values = ((StringVector) column).values();
                for (int i = from; i < end; i++) {
                    if (!anyNull || !column.isNull(rows[i])) {
                        writeString(out, values[rows[i]]);
                    }
                }
            }
        }
    }

    /** Reads {@code count} values that {@link #writeColumn} wrote, into a new vector of {@code type}. */
    public static Vector readColumn(DataInput in, DataType type, int count) throws IOException {
        Vector column = Vector.allocate(type, Math.max(count, 1));
        boolean anyNull = in.readBoolean();
        boolean[] nulls = anyNull ? readBits(in, count) : null;
        if (nulls != null) {
            for (int i = 0; i < count; i++) {
                if (nulls[i]) {
                    column.setNull(i);
                }
            }
        }
        switch (column.physicalType()) {
            case LONG -> {
                long[] values = ((LongVector) column).values();
                for (int i = 0; i < count; i++) {
                    if (nulls == null || !nulls[i]) {
                        values[i] = readVarLong(in);
                    }
                }
            }
            case DOUBLE -> {
                double[] values = ((DoubleVector) column).values();
                for (int i = 0; i < count; i++) {
                    if (nulls == null || !nulls[i]) {
                        values[i] = in.readDouble();
                    }
                }
            }
            case BOOLEAN -> System.arraycopy(readBits(in, count), 0, ((BooleanVector) column).values(), 0, count);
            case STRING -> {
                String[] values = ((StringVector) column).values();
                for (int i = 0; i < count; i++) {
                    if (nulls == null || !nulls[i]) {
                        values[i] = readString(in);
                    }
                }
            }
        }
        return column;
    }

    /**
     * Writes rows one at a time (row-major, unlike {@link #writeRows}): with nulls, a bit mask of each row's null
     * columns (a byte per 8 columns), then its non-null values as {@link #writeColumn} encodes them (a boolean as a
     * byte). For state written by scanning rows in their stored order into many streams (one per key group), which
     * reads memory in order where gathering each stream's rows column by column would jump around it. Looks each
     * column's type and values up once, not once a value.
     */
    public static final class RowWriter {

        private final Vector[] columns;
        private final PackedStrings[] packed;
        private final boolean withNulls;
        private final PhysicalType[] kinds;
        private final long[][] longs;
        private final double[][] doubles;
        private final boolean[][] booleans;
        private final String[][] strings;

        public RowWriter(Vector[] columns, boolean withNulls) {
            this(columns, new PackedStrings[columns.length], withNulls);
        }

        /**
         * A writer of columns that are either vectors or packed strings: per column, {@code columns[c]} or
         * {@code packed[c]} is set, the other null. Packed strings are written as strings are.
         */
        public RowWriter(Vector[] columns, PackedStrings[] packed, boolean withNulls) {
            this.columns = columns;
            this.packed = packed;
            this.withNulls = withNulls;
            int n = columns.length;
            kinds = new PhysicalType[n];
            longs = new long[n][];
            doubles = new double[n][];
            booleans = new boolean[n][];
            strings = new String[n][];
            for (int c = 0; c < n; c++) {
                if (packed[c] != null) {
                    kinds[c] = PhysicalType.STRING;
                    continue;
                }
                kinds[c] = columns[c].physicalType();
                switch (kinds[c]) {
                    case LONG -> longs[c] = ((LongVector) columns[c]).values();
                    case DOUBLE -> doubles[c] = ((DoubleVector) columns[c]).values();
                    case BOOLEAN -> booleans[c] = ((BooleanVector) columns[c]).values();
                    case STRING -> strings[c] = ((StringVector) columns[c]).values();
                }
            }
        }

        /** Writes row {@code row}. */
        public void write(DataOutput out, int row) throws IOException {
            if (withNulls) {
                for (int from = 0; from < columns.length; from += 8) {
                    int mask = 0;
                    for (int c = from; c < Math.min(columns.length, from + 8); c++) {
                        if (isNull(c, row)) {
                            mask |= 1 << (c - from);
                        }
                    }
                    out.writeByte(mask);
                }
            }
            for (int c = 0; c < kinds.length; c++) {
                if (withNulls && isNull(c, row)) {
                    continue;
                }
                switch (kinds[c]) {
                    case LONG -> writeVarLong(out, longs[c][row]);
                    case DOUBLE -> out.writeDouble(doubles[c][row]);
                    case BOOLEAN -> out.writeBoolean(booleans[c][row]);
                    case STRING -> {
                        if (strings[c] != null) {
                            writeString(out, strings[c][row]);
                        } else {
                            packed[c].writeEncoded(out, row);
                        }
                    }
                }
            }
        }

        private boolean isNull(int c, int row) {
            return packed[c] != null ? packed[c].isNull(row) : columns[c].isNull(row);
        }
    }

    /** Reads {@code count} rows that a {@link RowWriter} wrote one after another, as one chunk. */
    public static Chunk readRowsRowMajor(DataInput in, List<DataType> types, int count, boolean withNulls)
            throws IOException {
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(types.get(c), Math.max(count, 1));
        }
        boolean[] nulls = new boolean[columns.length];
        for (int row = 0; row < count; row++) {
            if (withNulls) {
                for (int from = 0; from < columns.length; from += 8) {
                    int mask = in.readByte();
                    for (int c = from; c < Math.min(columns.length, from + 8); c++) {
                        nulls[c] = (mask & (1 << (c - from))) != 0;
                    }
                }
            }
            for (int c = 0; c < columns.length; c++) {
                Vector column = columns[c];
                if (withNulls && nulls[c]) {
                    column.setNull(row);
                    continue;
                }
                switch (column.physicalType()) {
                    case LONG -> ((LongVector) column).values()[row] = readVarLong(in);
                    case DOUBLE -> ((DoubleVector) column).values()[row] = in.readDouble();
                    case BOOLEAN -> ((BooleanVector) column).values()[row] = in.readBoolean();
                    case STRING -> ((StringVector) column).values()[row] = readString(in);
                }
            }
        }
        return new Chunk(columns, count);
    }

    private interface RowBit {
        boolean test(int index);
    }

    private static void writeBits(DataOutput out, int count, RowBit bit) throws IOException {
        for (int from = 0; from < count; from += 8) {
            int b = 0;
            for (int i = from; i < Math.min(count, from + 8); i++) {
                if (bit.test(i)) {
                    b |= 1 << (i - from);
                }
            }
            out.writeByte(b);
        }
    }

    private static boolean[] readBits(DataInput in, int count) throws IOException {
        boolean[] bits = new boolean[count];
        for (int from = 0; from < count; from += 8) {
            int b = in.readByte();
            for (int i = from; i < Math.min(count, from + 8); i++) {
                bits[i] = (b & (1 << (i - from))) != 0;
            }
        }
        return bits;
    }
}
