package io.weir.executor.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A source split's position as the bytes {@code SourceReader.snapshotPositions} returns: a version byte of the
 * reader's format, then one or more zig-zag variable-length longs (an offset, a line number, a row count).
 */
public final class SplitPosition {

    private SplitPosition() {
    }

    public static byte[] encode(byte version, long... values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 + 10 * values.length);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(version);
            for (long value : values) {
                ValueCodec.writeVarLong(out, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The {@code count} longs of a position {@link #encode} wrote with {@code version}.
     *
     * @throws IllegalStateException when the bytes are of another version or too short, naming {@code split}
     */
    public static long[] decode(byte[] position, byte version, int count, String split) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(position));
        try {
            byte actual = in.readByte();
            if (actual != version) {
                throw new IllegalStateException("Unknown position format version " + actual + " of split '" + split
                        + "' (this build reads version " + version + ")");
            }
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = ValueCodec.readVarLong(in);
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt position of split '" + split + "'", e);
        }
    }
}
