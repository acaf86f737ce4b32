package io.weir.executor.checkpoint;

import io.weir.executor.data.StringEncoding;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer written through {@link DataOutput}, for serializing state. Unlike a
 * {@code DataOutputStream} over a {@code ByteArrayOutputStream} it takes no lock per byte (state is written one
 * variable-length value at a time, so that per-byte cost was most of a large snapshot's), and it grows by adding
 * blocks rather than copying into ever larger arrays (which for a large snapshot were copies of megabytes, and
 * arrays large enough for the garbage collector to allocate outside the young generation). One thread writes it.
 *
 * <p>Given a {@link BlockSink}, it hands each full block to the sink and reuses it instead of keeping it, so a
 * snapshot of any size streams to its file through one block per stream.
 */
public final class StateOutput implements DataOutput {

    /** Takes a full block of a {@link StateOutput}; the bytes are only valid during the call. */
    @FunctionalInterface
    public interface BlockSink {
        void write(byte[] bytes, int length) throws IOException;
    }

    private static final VarHandle LONGS_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** 8-byte values in {@link DataOutput#writeLong}'s byte order, stored with one instruction each. */
    private static final VarHandle DOUBLES =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    /** Small enough to stay an ordinary young-generation allocation. */
    private static final int BLOCK = 32 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    /** Bytes used of each block in {@link #full}. */
    private final List<Integer> fullSizes = new ArrayList<>();
    private byte[] bytes;
    private int size;
    private long fullTotal;
    private final BlockSink sink;

    public StateOutput() {
        this(256);
    }

    public StateOutput(int capacity) {
        this(capacity, null);
    }

    /** A buffer that passes each full block to {@code sink} instead of keeping it. */
    public StateOutput(BlockSink sink) {
        this(256, sink);
    }

    private StateOutput(int capacity, BlockSink sink) {
        this.bytes = new byte[Math.max(16, Math.min(capacity, BLOCK))];
        this.sink = sink;
    }

    public long size() {
        return fullTotal + size;
    }

    public byte[] toByteArray() {
        requireKept();
        byte[] all = new byte[Math.toIntExact(size())];
        int at = 0;
        for (int i = 0; i < full.size(); i++) {
            System.arraycopy(full.get(i), 0, all, at, fullSizes.get(i));
            at += fullSizes.get(i);
        }
        System.arraycopy(bytes, 0, all, at, size);
        return all;
    }

    /** Writes the bytes written so far to {@code out}, without copying them first. */
    public void writeTo(DataOutput out) throws IOException {
        requireKept();
        for (int i = 0; i < full.size(); i++) {
            out.write(full.get(i), 0, fullSizes.get(i));
        }
        out.write(bytes, 0, size);
    }

    /** Hands the bytes not yet passed to the sink to it: for the end of a stream. */
    public void flush() throws IOException {
        if (sink == null) {
            throw new IllegalStateException("This buffer keeps its bytes");
        }
        if (size > 0) {
            sink.write(bytes, size);
            fullTotal += size;
            size = 0;
        }
    }

    private void requireKept() {
        if (sink != null) {
            throw new IllegalStateException("This buffer passed its bytes on to a sink");
        }
    }

    /** Makes room for {@code more} bytes in one piece in the current block. */
    private void ensure(int more) {
        if (size + more <= bytes.length) {
            return;
        }
        if (size + more <= BLOCK) {
            // Still growing the first, small block up to a whole one.
            bytes = Arrays.copyOf(bytes, Math.max(size + more, Math.min(BLOCK, bytes.length * 2)));
            return;
        }
        if (sink != null) {
            // Callers ask for at most half a block at a time: an emptied whole block always has room.
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (bytes.length < BLOCK) {
                bytes = new byte[BLOCK];
            }
            return;
        }
        full.add(bytes);
        fullSizes.add(size);
        fullTotal += size;
        bytes = new byte[Math.max(BLOCK, more)];
        size = 0;
    }

    /** {@link ValueCodec#writeVarLong} without a call per byte. */
    void writeVarLong(long value) {
        ensure(10);
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        bytes[size++] = (byte) zigzag;
    }

    /**
     * {@link ValueCodec#writePackedLongs}' values: each {@code values[i] - base} as its low {@code width} bytes,
     * little-endian, a block at a time. Each is stored as 8 bytes, of which the next value overwrites those beyond
     * {@code width}: one store per value, whatever the width.
     */
    void writeOffsets(long[] values, int from, int count, long base, int width) {
        if (width == 0) {
            return;
        }
        for (int end = from + count; from < end; ) {
            ensure(16);
            int n = Math.min(end - from, (bytes.length - size - 8) / width);
            for (int i = 0; i < n; i++) {
                LONGS_LE.set(bytes, size + i * width, values[from + i] - base);
            }
            size += n * width;
            from += n;
        }
    }

    /** {@link ValueCodec#writeDoubles}: the values' raw bits as {@link #writeLong} writes a long, a block at a time. */
    void writeDoubles(double[] values, int from, int count) {
        for (int end = from + count; from < end; ) {
            ensure(8);
            int n = Math.min(end - from, (bytes.length - size) >>> 3);
            for (int i = 0; i < n; i++) {
                DOUBLES.set(bytes, size + (i << 3), values[from + i]);
            }
            size += n << 3;
            from += n;
        }
    }

    /**
     * {@link ValueCodec#writeString} as {@link StringEncoding} does it fastest: a short ASCII string straight into
     * the block, any other through the UTF-8 encoder.
     */
    void writeString(String value) {
        int length = value.length();
        if (length <= StringEncoding.SHORT) {
            ensure(length + 1);
            if (StringEncoding.copyAscii(value, bytes, size + 1)) {
                bytes[size] = (byte) length;
                size += length + 1;
                return;
            }
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(utf8.length);
        write(utf8, 0, utf8.length);
    }

    /** {@link ValueCodec#writeVarInt} without a call per byte. */
    void writeVarInt(int value) {
        ensure(5);
        size = StringEncoding.putVarInt(bytes, size, value);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (size == bytes.length) {
                ensure(1);
            }
            int n = Math.min(len, bytes.length - size);
            System.arraycopy(b, off, bytes, size, n);
            size += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    /** Modified UTF-8 as {@link DataOutputStream#writeUTF} writes it (rarely used for state: see ValueCodec). */
    @Override
    public void writeUTF(String s) {
        try {
            new DataOutputStream(new OutputStream() {
                @Override
                public void write(int b) {
                    StateOutput.this.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    StateOutput.this.write(b, off, len);
                }
            }).writeUTF(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
