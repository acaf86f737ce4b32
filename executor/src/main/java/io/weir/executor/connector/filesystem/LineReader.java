package io.weir.executor.connector.filesystem;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r} terminated) into one reusable char array, so a JSON Lines
 * file is read without a String per line. A UTF-8 byte order mark is ignored.
 */
final class LineReader {

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int limit;
    private boolean started;

    private char[] line = new char[1024];
    private int length;
    private long lineNumber;

    LineReader(Reader in) {
        this.in = in;
    }

    /** Reads the next line; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        if (pos >= limit && !fill()) {
            return false;
        }
        lineNumber++;
        while (pos < limit || fill()) {
            char c = buffer[pos++];
            if (c == '\n') {
                return true;
            }
            if (c == '\r') {
                if ((pos < limit || fill()) && buffer[pos] == '\n') {
                    pos++;
                }
                return true;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = c;
        }
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        if (!started) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                pos = 1;
                return limit > 1 || fill();
            }
        }
        return true;
    }

    /** The current line's characters in {@code [0, length())}; valid until the next call to {@link #next()}. */
    char[] chars() {
        return line;
    }

    int length() {
        return length;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(line[i])) {
                return false;
            }
        }
        return true;
    }
}
