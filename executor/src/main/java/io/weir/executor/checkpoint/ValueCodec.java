package io.weir.executor.checkpoint;

import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.PackedStrings;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The compact binary encoding of column values that operators and readers use in their snapshots: variable-length
 * integers (zig-zag for signed values, so small negatives stay short), UTF-8 strings with a length prefix, and rows
 * written column by column (a null mask only when a column has nulls), so that a snapshot costs about what the
 * values themselves weigh. Pure functions, no state; callers write their own version byte before using it.
 *
 * <p>Rows are written as a selection of a chunk's (or a store's) vectors, so an operator can write one key
 * group's rows without first copying them out. Large state that turns over quickly is written <em>dense</em>
 * instead ({@link #writeDenseColumns}): whole columns, longs packed by their range and doubles as 8-byte values, a
 * store per value, because there the time a checkpoint spends encoding each value weighs more than the bytes it
 * would save.
 */
public final class ValueCodec {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Values decoded per read of a bulk column, so a large column needs no buffer of its size. */
    private static final int READ_BATCH = 4096;

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
        boolean anyNull = writeNullMask(out, column.mayHaveNulls(), i -> column.isNull(rows[from + i]), count);
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
        boolean[] nulls = readNullMask(in, column, count);
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
            case STRING -> readStrings(in, (StringVector) column, nulls, count);
        }
        return column;
    }

    /**
     * Writes {@code values[0..count)} packed by their range, for state written in bulk: the smallest value (varlong),
     * the width in bytes (0 to 8) of the largest difference from it, then each value's difference in that many
     * bytes, little-endian. Timestamps of a few seconds, ids and prices then take two to four bytes each, and
     * writing them costs a store per value, as a copy would (into a {@link StateOutput}).
     */
    public static void writePackedLongs(DataOutput out, long[] values, int count) throws IOException {
        long min = count == 0 ? 0 : Long.MAX_VALUE;
        long max = count == 0 ? 0 : Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        // Bytes of the unsigned difference: 0 when all values are equal, 8 when the range exceeds 2^56.
        int width = (71 - Long.numberOfLeadingZeros(max - min)) >>> 3;
        writeVarLong(out, min);
        out.writeByte(width);
        if (out instanceof StateOutput state) {
            state.writeOffsets(values, 0, count, min, width);
            return;
        }
        for (int i = 0; i < count; i++) {
            long offset = values[i] - min;
            for (int b = 0; b < width; b++) {
                out.writeByte((int) (offset >>> (8 * b)));
            }
        }
    }

    /** Reads {@code count} values that {@link #writePackedLongs} wrote into {@code values[0..count)}. */
    public static void readPackedLongs(DataInput in, long[] values, int count) throws IOException {
        long min = readVarLong(in);
        int width = in.readByte();
        if (width < 0 || width > 8) {
            throw new IOException("Corrupt state: packed longs " + width + " bytes wide");
        }
        long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        // 8 bytes of slack: each value is loaded as 8 bytes from where its own begin.
        byte[] buffer = new byte[Math.min(count, READ_BATCH) * width + 8];
        for (int at = 0; at < count; ) {
            int n = Math.min(READ_BATCH, count - at);
            in.readFully(buffer, 0, n * width);
            for (int i = 0; i < n; i++) {
                values[at + i] = min + ((long) LONGS_LE.get(buffer, i * width) & mask);
            }
            at += n;
        }
    }

    /**
     * Writes {@code values[from..from + count)} as {@link DataOutput#writeDouble} writes each (8 bytes,
     * big-endian), into a {@link StateOutput} a block at a time.
     */
    private static void writeDoubles(DataOutput out, double[] values, int from, int count) throws IOException {
        if (out instanceof StateOutput state) {
            state.writeDoubles(values, from, count);
            return;
        }
        for (int i = from; i < from + count; i++) {
            out.writeLong(Double.doubleToRawLongBits(values[i]));
        }
    }

    /** Reads {@code count} values that {@link #writeDoubles} wrote into {@code values[0..count)}. */
    private static void readDoubles(DataInput in, double[] values, int count) throws IOException {
        byte[] buffer = new byte[Math.min(count, READ_BATCH) * 8];
        for (int at = 0; at < count; ) {
            int n = Math.min(READ_BATCH, count - at);
            in.readFully(buffer, 0, n * 8);
            for (int i = 0; i < n; i++) {
                values[at + i] = Double.longBitsToDouble((long) LONGS.get(buffer, i * 8));
            }
            at += n;
        }
    }

    /**
     * Writes rows {@code [0, count)} of {@code columns} column by column, for large state written in bulk (a stream
     * join's stored rows): each column as {@link #writeDenseColumn} writes it, or, where {@code columns[c]} is null,
     * {@code packed[c]} as {@link #writeDenseStrings} does. Nothing per row is looked up or branched on but the
     * strings' lengths, so this costs about what copying the bytes does.
     */
    public static void writeDenseColumns(DataOutput out, Vector[] columns, PackedStrings[] packed, int count)
            throws IOException {
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                writeDenseColumn(out, columns[c], count);
            } else {
                writeDenseStrings(out, packed[c], count);
            }
        }
    }

    /** Reads what {@link #writeDenseColumns} wrote, as one chunk of columns of {@code types}. */
    public static Chunk readDenseColumns(DataInput in, List<DataType> types, int count) throws IOException {
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = readDenseColumn(in, types.get(c), count);
        }
        return new Chunk(columns, count);
    }

    /**
     * Writes rows {@code [0, count)} of {@code column}: the null mask as {@link #writeColumn} writes it, then every
     * row's value, nulls' slots included, for longs ({@link #writePackedLongs}) and doubles ({@link #writeDoubles}):
     * a store per value rather than a test per row; a bit per row for booleans, the non-null values for strings.
     */
    public static void writeDenseColumn(DataOutput out, Vector column, int count) throws IOException {
        boolean anyNull = writeNullMask(out, column.mayHaveNulls(), column::isNull, count);
        switch (column.physicalType()) {
            case LONG -> writePackedLongs(out, ((LongVector) column).values(), count);
            case DOUBLE -> writeDoubles(out, ((DoubleVector) column).values(), 0, count);
            case BOOLEAN -> {
                boolean[] values = ((BooleanVector) column).values();
                writeBits(out, count, i -> values[i] && !column.isNull(i));
            }
            case STRING -> {
                String[] values = ((StringVector) column).values();
                for (int i = 0; i < count; i++) {
                    if (!anyNull || !column.isNull(i)) {
                        writeString(out, values[i]);
                    }
                }
            }
        }
    }

    /** {@link #writeDenseColumn} of packed strings: their encodings, which are what {@link #writeString} writes. */
    public static void writeDenseStrings(DataOutput out, PackedStrings column, int count) throws IOException {
        writeNullMask(out, column.mayHaveNulls(), column::isNull, count);
        column.writeEncoded(out, 0, count);
    }

    /** Reads {@code count} values that {@link #writeDenseColumn} wrote, into a new vector of {@code type}. */
    public static Vector readDenseColumn(DataInput in, DataType type, int count) throws IOException {
        Vector column = Vector.allocate(type, Math.max(count, 1));
        boolean[] nulls = readNullMask(in, column, count);
        switch (column.physicalType()) {
            case LONG -> readPackedLongs(in, ((LongVector) column).values(), count);
            case DOUBLE -> readDoubles(in, ((DoubleVector) column).values(), count);
            case BOOLEAN -> System.arraycopy(readBits(in, count), 0, ((BooleanVector) column).values(), 0, count);
            case STRING -> readStrings(in, (StringVector) column, nulls, count);
        }
        return column;
    }

    /** Reads what {@link #writeNullMask} wrote and sets those nulls in {@code column}; returns the mask, or null. */
    private static boolean[] readNullMask(DataInput in, Vector column, int count) throws IOException {
        boolean[] nulls = in.readBoolean() ? readBits(in, count) : null;
        for (int i = 0; nulls != null && i < count; i++) {
            if (nulls[i]) {
                column.setNull(i);
            }
        }
        return nulls;
    }

    /** Reads the non-null values of rows {@code [0, count)} into {@code column}. */
    private static void readStrings(DataInput in, StringVector column, boolean[] nulls, int count) throws IOException {
        String[] values = column.values();
        for (int i = 0; i < count; i++) {
            if (nulls == null || !nulls[i]) {
                values[i] = readString(in);
            }
        }
    }

    /** Writes whether rows {@code [0, count)} hold a null and, if so, their null mask; returns whether. */
    private static boolean writeNullMask(DataOutput out, boolean mayHaveNulls, RowBit isNull, int count)
            throws IOException {
        boolean anyNull = false;
        for (int i = 0; mayHaveNulls && i < count && !anyNull; i++) {
            anyNull = isNull.test(i);
        }
        out.writeBoolean(anyNull);
        if (anyNull) {
            writeBits(out, count, isNull);
        }
        return anyNull;
    }

    /**
     * Reads {@code count} rows as builds before {@link #writeDenseColumns} wrote a stream join's rows, one at a time:
     * with nulls, a bit mask of each row's null columns (a byte per 8 columns), then its non-null values as
     * {@link #writeColumn} encodes them (a boolean as a byte). For restoring their checkpoints.
     */
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
