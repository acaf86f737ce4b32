package io.weir.executor.checkpoint;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.PackedStrings;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.Chunks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    /** Nine columns, so a row's null mask takes two bytes. */
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.DOUBLE,
            DataType.BOOLEAN, DataType.BIGINT, DataType.STRING, DataType.STRING, DataType.BIGINT, DataType.DOUBLE);

    private static List<List<Object>> rows(boolean withNulls) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean nul = withNulls && i % 3 == 0;
            rows.add(row((long) i * -7_000_000_000L, nul ? null : "s" + i + "\u00e9\u4e2d", i * 0.25, i % 2 == 0,
                    (long) i, "", nul ? null : "x", nul ? null : Long.MIN_VALUE,
                    withNulls && i % 4 == 1 ? null : -1.5));
        }
        return rows;
    }

    /** Writes {@code rows} with {@link ValueCodec#writeDenseColumns} and reads them back. */
    private static List<List<Object>> roundTrip(List<List<Object>> rows, boolean packStrings) throws Exception {
        Chunk chunk = Chunks.of(TYPES, rows);
        Vector[] columns = chunk.columns().clone();
        PackedStrings[] packed = new PackedStrings[columns.length];
        for (int c = 0; c < columns.length && packStrings; c++) {
            if (columns[c] instanceof StringVector strings) {
                packed[c] = new PackedStrings(1);
                packed[c].append(strings, 0, chunk.size());
                columns[c] = null;
            }
        }
        StateOutput out = new StateOutput(4);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ValueCodec.writeDenseColumns(out, columns, packed, chunk.size());
        ValueCodec.writeDenseColumns(new DataOutputStream(plain), chunk.columns(), new PackedStrings[columns.length],
                chunk.size());
        assertThat(out.toByteArray()).as("through StateOutput, packed or not, and through any DataOutput")
                .isEqualTo(plain.toByteArray());
        return rowsOf(ValueCodec.readDenseColumns(in(out), TYPES, chunk.size()));
    }

    private static DataInputStream in(StateOutput out) {
        return new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<List<Object>> rowsOf(Chunk chunk) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < chunk.size(); row++) {
            rows.add(Arrays.asList(chunk.rowObjects(row)));
        }
        return rows;
    }

    @Test
    void whenColumnsAreWrittenDense_thenTheyReadBackAsAChunkWithTheirNulls() throws Exception {
        assertThat(roundTrip(rows(true), false)).isEqualTo(rows(true));
        assertThat(roundTrip(rows(false), false)).isEqualTo(rows(false));
    }

    @Test
    void whenPackedStringsAreWrittenDense_thenTheBytesAreThoseOfTheirStrings() throws Exception {
        assertThat(roundTrip(rows(true), true)).isEqualTo(rows(true));
    }

    @Test
    void whenDenseColumnsSpanManyBlocks_thenEveryValueReadsBack() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row(i * 1_000_003L - 7, "v" + i, i / 3.0, i % 3 == 0, (long) -i, "", null, Long.MIN_VALUE + i,
                    Double.NaN));
        }
        assertThat(roundTrip(rows, true)).isEqualTo(rows);
    }

    @Test
    void whenLongsOfEveryRangeArePacked_thenEachTakesTheBytesOfItsRangeAndReadsBack() throws Exception {
        for (int width = 0; width <= 8; width++) {
            long range = width == 0 ? 0 : width == 8 ? -1L : (1L << (8 * width)) - 1;
            long base = width == 8 ? Long.MIN_VALUE : -1_234_567L;
            long[] values = new long[5_000];
            for (int i = 0; i < values.length; i++) {
                long spread = i * 0x9E37_79B9_7F4A_7C15L;
                values[i] = base + (i % 3 == 0 ? range
                        : width == 8 ? spread : Long.remainderUnsigned(spread, range + 1));
            }
            values[17] = base;
            StateOutput out = new StateOutput(4);
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ValueCodec.writePackedLongs(out, values, values.length);
            ValueCodec.writePackedLongs(new DataOutputStream(plain), values, values.length);
            long[] read = new long[values.length];
            DataInputStream in = in(out);
            ValueCodec.readPackedLongs(in, read, values.length);

            assertThat(out.toByteArray()).as("width %d through StateOutput and any DataOutput", width)
                    .isEqualTo(plain.toByteArray());
            StateOutput header = new StateOutput();
            ValueCodec.writeVarLong(header, base);
            assertThat(out.size()).isEqualTo(header.size() + 1 + (long) width * values.length);
            assertThat(read).as("width %d", width).isEqualTo(values);
            assertThat(in.available()).isZero();
        }
    }

    @Test
    void whenRowsWereWrittenRowByRow_thenTheyReadBackAsAChunk() throws Exception {
        // What builds before dense columns wrote for a stream join: per row a null mask (with nulls), then the
        // row's non-null values (varlong, UTF-8 string, boolean byte, 8-byte double).
        List<DataType> types = List.of(DataType.BIGINT, DataType.STRING, DataType.BOOLEAN, DataType.DOUBLE);
        StateOutput out = new StateOutput();
        out.writeByte(0b0000);
        ValueCodec.writeVarLong(out, -300);
        ValueCodec.writeString(out, "caf\u00e9");
        out.writeBoolean(true);
        out.writeDouble(2.5);
        out.writeByte(0b1010);
        ValueCodec.writeVarLong(out, Long.MAX_VALUE);
        out.writeBoolean(false);

        Chunk read = ValueCodec.readRowsRowMajor(in(out), types, 2, true);

        assertThat(rowsOf(read)).containsExactly(row(-300L, "caf\u00e9", true, 2.5),
                Arrays.asList(Long.MAX_VALUE, null, false, null));
    }

    @Test
    void whenMoreThanABlockIsWritten_thenTheBytesComeBackInOrder() throws Exception {
        StateOutput out = new StateOutput();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream reference = new DataOutputStream(expected);
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        for (int i = 0; i < 30_000; i++) {
            ValueCodec.writeVarLong(out, i * 1_000_003L);
            writeVarLongByBytes(reference, i * 1_000_003L);
            if (i % 10_000 == 0) {
                out.write(big);
                reference.write(big);
            }
            out.writeInt(i);
            reference.writeInt(i);
        }

        assertThat(out.size()).isEqualTo(expected.size());
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void whenLongsOfEveryVarIntLengthAreWritten_thenTheBytesAreThePerByteEncoding() throws Exception {
        StateOutput out = new StateOutput(4);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream reference = new DataOutputStream(expected);
        List<Long> values = new ArrayList<>(List.of(0L, Long.MIN_VALUE, Long.MAX_VALUE));
        for (int bit = 0; bit < 63; bit++) {
            for (long value : new long[] {1L << bit, (1L << bit) - 1, (1L << bit) + 1}) {
                values.add(value);
                values.add(-value);
            }
        }
        for (long value : values) {
            ValueCodec.writeVarLong(out, value);
            writeVarLongByBytes(reference, value);
        }

        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
        for (long value : values) {
            assertThat(ValueCodec.readVarLong(in)).isEqualTo(value);
        }
    }

    /** The zig-zag varint as the generic (per-byte) path of {@link ValueCodec#writeVarLong} writes it. */
    private static void writeVarLongByBytes(DataOutput out, long value) throws IOException {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.writeByte((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.writeByte((int) zigzag);
    }
}
