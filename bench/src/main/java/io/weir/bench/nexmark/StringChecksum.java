package io.weir.bench.nexmark;

/**
 * What a string contributes to {@link RowChecksum}: a hash of its UTF-16 code units, the same whichever engine holds
 * the string (a Java {@code String}, or Flink's UTF-8 bytes, whose bytes are the code units when all are ASCII).
 *
 * <p>It reads four code units as one long and runs two independent chains, so it costs a fraction of what
 * {@link String#hashCode} (one dependent multiply per character) does: the checksum is the harness's work, not the
 * engine's, and on queries that emit a long string per row (Nexmark's {@code extra}) {@code hashCode} took a third of
 * Weir's run and a few percent of Flink's. One instance per sink subtask: it keeps a scratch array.
 */
public final class StringChecksum {

    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;

    private char[] scratch = new char[256];

    /** The hash of {@code value}'s characters. */
    public long of(String value) {
        int length = value.length();
        char[] chars = scratch(length);
        value.getChars(0, length, chars, 0);
        return hash(chars, length);
    }

    /**
     * The hash of the string whose UTF-8 encoding is {@code bytes[offset, offset + length)}, or {@link Long#MIN_VALUE}
     * when a byte is not ASCII (then the caller decodes the string and uses {@link #of}).
     */
    public long ofUtf8(byte[] bytes, int offset, int length) {
        char[] chars = scratch(length);
        int negative = 0;
        for (int i = 0; i < length; i++) {
            byte b = bytes[offset + i];
            negative |= b;
            chars[i] = (char) b;
        }
        return negative < 0 ? Long.MIN_VALUE : hash(chars, length);
    }

    private char[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new char[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    private static long hash(char[] c, int length) {
        long h1 = length * M1;
        long h2 = M2;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h1 = Long.rotateLeft(h1 ^ word(c, i) * M1, 31) * M2;
            h2 = Long.rotateLeft(h2 ^ word(c, i + 4) * M1, 31) * M2;
        }
        for (; i < length; i++) {
            h1 = (h1 ^ c[i]) * M2;
        }
        return h1 ^ Long.rotateLeft(h2, 17);
    }

    private static long word(char[] c, int i) {
        return c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48;
    }
}
