package io.weir.bench.nexmark;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What a string contributes to {@link RowChecksum}, the same whichever engine holds the string (a Java {@code String},
 * or Flink's UTF-8 bytes): below {@link #LONG} characters its {@link String#hashCode}, which a string the engine keeps
 * in a pool (Nexmark's channels, a URL's parts) has cached; from {@link #LONG} characters on, a hash of the low byte of
 * each UTF-16 code unit, read eight at a time (Flink's UTF-8 bytes are those bytes when all are ASCII). Long strings
 * that differ only in the high bytes of non-Latin-1 characters collide; for a checksum of engine results that is no
 * loss.
 *
 * <p>The checksum is the harness's work, not the engine's: on queries that emit a long, new string per row (Nexmark's
 * {@code extra}) {@code hashCode}, one dependent multiply per character, took a third of Weir's run; the long hash
 * costs a fifth of that. One instance per sink subtask: it keeps a scratch array.
 */
public final class StringChecksum {

    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** The length from which a string is hashed eight characters at a time rather than by {@code hashCode}. */
    public static final int LONG = 32;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] scratch = new byte[256];

    /** The hash of {@code value}'s characters. */
    @SuppressWarnings("deprecation") // the low byte of each character is what this hashes, by definition
    public long of(String value) {
        int length = value.length();
        if (length < LONG) {
            return value.hashCode();
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        value.getBytes(0, length, scratch, 0);
        return hash(scratch, 0, length);
    }

    /**
     * The hash of the string whose UTF-8 encoding is {@code bytes[offset, offset + length)}, or {@link Long#MIN_VALUE}
     * when it is shorter than {@link #LONG} or a byte is not ASCII (then the caller decodes the string and uses
     * {@link #of}).
     */
    public static long ofUtf8(byte[] bytes, int offset, int length) {
        if (length < LONG) {
            return Long.MIN_VALUE;
        }
        long high = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            high |= (long) LONGS.get(bytes, offset + i);
        }
        for (; i < length; i++) {
            high |= bytes[offset + i];
        }
        return (high & HIGH_BITS) != 0 ? Long.MIN_VALUE : hash(bytes, offset, length);
    }

    private static long hash(byte[] bytes, int offset, int length) {
        long h1 = length * M1;
        long h2 = M2;
        int i = 0;
        for (; i + 16 <= length; i += 16) {
            h1 = Long.rotateLeft(h1 ^ (long) LONGS.get(bytes, offset + i) * M1, 31) * M2;
            h2 = Long.rotateLeft(h2 ^ (long) LONGS.get(bytes, offset + i + 8) * M1, 31) * M2;
        }
        if (i + 8 <= length) {
            h1 = Long.rotateLeft(h1 ^ (long) LONGS.get(bytes, offset + i) * M1, 31) * M2;
            i += 8;
        }
        // The last 0-7 bytes as one word: independent loads, one multiply.
        long last = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            last |= (bytes[offset + i] & 0xFFL) << shift;
        }
        h2 = Long.rotateLeft(h2 ^ last * M1, 31) * M2;
        return h1 ^ Long.rotateLeft(h2, 17);
    }
}
