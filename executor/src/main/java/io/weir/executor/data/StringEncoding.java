package io.weir.executor.data;

/**
 * How strings become the bytes of state (a UTF-8 length as an unsigned variable-length int, then the UTF-8 bytes)
 * fastest: a short string is tried as ASCII a char at a time, straight into the target; a longer one goes through
 * the JDK's UTF-8 encoder, which checks and copies an ASCII string in bulk (about twice as fast at a hundred
 * characters, even with its temporary array).
 */
public final class StringEncoding {

    /** Strings up to this length are tried with {@link #copyAscii}; the length prefix of any of them is one byte. */
    public static final int SHORT = 16;

    private StringEncoding() {
    }

    /**
     * Copies {@code value} into {@code target} from {@code at} if it is all ASCII and returns true; returns false,
     * having written some bytes there, if it is not.
     */
    public static boolean copyAscii(String value, byte[] target, int at) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            target[at + i] = (byte) c;
        }
        return true;
    }

    /**
     * Writes {@code value} as an unsigned variable-length int into {@code target} from {@code at} (which has room for
     * {@link #varIntSize} bytes); returns the position after it.
     */
    public static int putVarInt(byte[] target, int at, int value) {
        while ((value & ~0x7F) != 0) {
            target[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target[at++] = (byte) value;
        return at;
    }

    /** How many bytes {@code value} takes as an unsigned variable-length int. */
    public static int varIntSize(int value) {
        int bytes = 1;
        while ((value & ~0x7F) != 0) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }
}
