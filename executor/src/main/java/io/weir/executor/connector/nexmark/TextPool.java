package io.weir.executor.connector.nexmark;

import java.nio.charset.StandardCharsets;

/**
 * Random text, made once per reader from the seed, from which the generator cuts its strings: a window at a random
 * offset costs one draw instead of one per character, and the copy into a new String is the only per-string work.
 * Two texts: {@code letters} (a to z, for {@code extra}) and {@code words} (a to z with about one character in 13 a
 * space, for names and descriptions; windows are trimmed, as the reference trims its strings).
 *
 * <p>Offsets are drawn below {@link #WINDOWS}; the texts are longer by {@link #MAX_LENGTH} so every window fits.
 * Immutable after construction.
 */
final class TextPool {

    /** How many distinct window starts there are: 64 Ki keeps both texts in the CPU's L2 cache. */
    static final int WINDOWS = 1 << 16;
    /** The longest window; the longest string cut is an auction's extra, about 540 characters. */
    static final int MAX_LENGTH = 1024;

    private static final int TEXT_STREAM = -1;
    private static final int SPACE_ONE_IN = 13;

    private final byte[] letters = new byte[WINDOWS + MAX_LENGTH];
    private final byte[] words = new byte[WINDOWS + MAX_LENGTH];

    TextPool(EventRandom random) {
        random.reset(Long.MIN_VALUE, TEXT_STREAM);
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (byte) ('a' + random.nextInt(26));
            words[i] = random.nextInt(SPACE_ONE_IN) == 0 ? (byte) ' ' : (byte) ('a' + random.nextInt(26));
        }
    }

    /** A window start taken from the low 16 bits of a draw. */
    static int window(long bits) {
        return (int) bits & (WINDOWS - 1);
    }

    /** {@code length} letters starting at window {@code offset}. */
    String letters(int offset, int length) {
        return length == 0 ? "" : new String(letters, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** The words window {@code [offset, offset + length)} without its leading and trailing spaces. */
    String words(int offset, int length) {
        int start = trimmedStart(offset, length);
        int end = trimmedEnd(start, offset + length);
        return start == end ? "" : new String(words, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** The length of {@link #words}{@code (offset, length)}, without making the string. */
    int wordsLength(int offset, int length) {
        int start = trimmedStart(offset, length);
        return trimmedEnd(start, offset + length) - start;
    }

    /** Copies the trimmed words window into {@code target} at {@code at}; returns the position after it. */
    int copyWords(int offset, int length, byte[] target, int at) {
        int start = trimmedStart(offset, length);
        int n = trimmedEnd(start, offset + length) - start;
        System.arraycopy(words, start, target, at, n);
        return at + n;
    }

    private int trimmedStart(int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && words[start] == ' ') {
            start++;
        }
        return start;
    }

    private int trimmedEnd(int start, int end) {
        while (end > start && words[end - 1] == ' ') {
            end--;
        }
        return end;
    }
}
