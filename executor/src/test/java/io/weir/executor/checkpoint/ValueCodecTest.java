package io.weir.executor.checkpoint;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.Chunks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
                    (long) i, "", nul ? null : "x", nul ? null : Long.MIN_VALUE, withNulls && i % 4 == 1 ? null : -1.5));
        }
        return rows;
    }

    private static List<List<Object>> roundTrip(List<List<Object>> rows, boolean withNulls) throws Exception {
        Chunk chunk = Chunks.of(TYPES, rows);
        ValueCodec.RowWriter writer = new ValueCodec.RowWriter(chunk.columns(), withNulls);
        StateOutput out = new StateOutput(4);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        DataOutputStream plainOut = new DataOutputStream(plain);
        for (int row = 0; row < chunk.size(); row++) {
            writer.write(out, row);
            writer.write(plainOut, row);
        }
        assertThat(out.toByteArray()).as("through StateOutput and through any DataOutput").isEqualTo(
                plain.toByteArray());
        Chunk read = ValueCodec.readRowsRowMajor(new DataInputStream(new ByteArrayInputStream(out.toByteArray())),
                TYPES, chunk.size(), withNulls);
        List<List<Object>> back = new ArrayList<>();
        for (int row = 0; row < read.size(); row++) {
            back.add(Arrays.asList(read.rowObjects(row)));
        }
        return back;
    }

    @Test
    void whenRowsAreWrittenOneByOne_thenTheyReadBackAsAChunkWithTheirNulls() throws Exception {
        assertThat(roundTrip(rows(true), true)).isEqualTo(rows(true));
    }

    @Test
    void whenMoreThanABlockIsWritten_thenTheBytesComeBackInOrder() throws Exception {
        StateOutput out = new StateOutput();
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream reference = new java.io.DataOutputStream(expected);
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
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream reference = new java.io.DataOutputStream(expected);
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
    private static void writeVarLongByBytes(java.io.DataOutput out, long value) throws java.io.IOException {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.writeByte((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.writeByte((int) zigzag);
    }

    @Test
    void whenNoColumnHasNulls_thenRowsNeedNoNullMasks() throws Exception {
        assertThat(roundTrip(rows(false), false)).isEqualTo(rows(false));
    }
}
