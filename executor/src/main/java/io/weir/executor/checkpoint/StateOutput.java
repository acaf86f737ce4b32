package io.weir.executor.checkpoint;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A growable byte buffer written through {@link DataOutput}, for serializing state. Unlike a
 * {@code DataOutputStream} over a {@code ByteArrayOutputStream} it takes no lock per byte: state is written one
 * variable-length value at a time, so that per-byte cost was most of a large snapshot's. One thread writes it.
 */
public final class StateOutput implements DataOutput {

    private byte[] bytes;
    private int size;

    public StateOutput() {
        this(256);
    }

    public StateOutput(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Writes the bytes written so far to {@code out}, without copying them first. */
    public void writeTo(DataOutput out) throws IOException {
        out.write(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
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
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
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
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
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
