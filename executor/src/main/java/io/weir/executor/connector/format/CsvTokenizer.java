package io.weir.executor.connector.format;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text into records and fields, RFC 4180 style: a field in quotes may hold delimiters, line breaks
 * and doubled quotes; records end at {@code \n}, {@code \r\n} or {@code \r}. Blank lines are skipped, and with
 * {@code allowComments} so are lines starting with {@code #}. A UTF-8 byte order mark is ignored.
 *
 * <p>The fields of the current record live in one reusable char array ({@link #text()}) between
 * {@link #start(int)} and {@link #end(int)}, with quotes already removed, so reading allocates nothing per
 * record; decoders create strings only for the values that need them.
 */
public final class CsvTokenizer {

    private static final int EOF = -1;

    private Reader in;
    private final char delimiter;
    private final char quote;
    private final boolean allowComments;

    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int limit;
    private boolean started;

    private char[] text = new char[256];
    private int textLength;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fieldCount;

    /** The line of the next unread character (1-based). */
    private long line = 1;
    private long recordLine;

    public CsvTokenizer(Reader in, char delimiter, char quote, boolean allowComments) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.allowComments = allowComments;
    }

    /**
     * Starts reading {@code next} from its beginning (line 1), keeping the buffers: one tokenizer serves many
     * small inputs, such as the messages of a Kafka topic, without allocating per input.
     */
    public void reset(Reader next) {
        in = next;
        pos = 0;
        limit = 0;
        started = false;
        line = 1;
        recordLine = 0;
        fieldCount = 0;
        textLength = 0;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     * @throws RecordException for bad quoting; the rest of that record has been consumed, so the caller may
     *                         skip it and call again
     */
    public boolean next() throws IOException, RecordException {
        fieldCount = 0;
        textLength = 0;
        if (!skipToRecord()) {
            return false;
        }
        recordLine = line;
        while (true) {
            int start = textLength;
            boolean isQuoted = peek() == quote;
            if (isQuoted) {
                pos++;
                readQuoted();
                int after = peek();
                if (after != delimiter && after != '\n' && after != '\r' && after != EOF) {
                    skipRestOfLine();
                    throw new RecordException("Unexpected character '" + (char) after + "' after a closing quote");
                }
            } else {
                readUnquoted();
            }
            addField(start, isQuoted);
            int c = peek();
            if (c == delimiter) {
                pos++;
                continue;
            }
            if (c != EOF) {
                consumeLineBreak();
            }
            return true;
        }
    }

    /** Skips blank and comment lines; false at the end of the input. */
    private boolean skipToRecord() throws IOException {
        while (true) {
            int c = peek();
            if (c == EOF) {
                return false;
            }
            if (c == '\n' || c == '\r') {
                consumeLineBreak();
            } else if (allowComments && c == '#') {
                skipRestOfLine();
            } else {
                return true;
            }
        }
    }

    private void readUnquoted() throws IOException {
        while (pos < limit || fill()) {
            char c = buffer[pos];
            if (c == delimiter || c == '\n' || c == '\r') {
                return;
            }
            append(c);
            pos++;
        }
    }

    private void readQuoted() throws IOException, RecordException {
        while (true) {
            if (pos >= limit && !fill()) {
                throw new RecordException("Unterminated quoted field");
            }
            char c = buffer[pos++];
            if (c == quote) {
                if (peek() != quote) {
                    return;
                }
                pos++;
            } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append(c);
        }
    }

    private void skipRestOfLine() throws IOException {
        int c;
        while ((c = peek()) != EOF && c != '\n' && c != '\r') {
            pos++;
        }
        if (c != EOF) {
            consumeLineBreak();
        }
    }

    private void consumeLineBreak() throws IOException {
        if (buffer[pos++] == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (pos >= limit && !fill()) {
            return EOF;
        }
        return buffer[pos];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            limit = pos = 0;
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

    private void append(char c) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = c;
    }

    private void addField(int start, boolean isQuoted) {
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
            quoted = Arrays.copyOf(quoted, fieldCount * 2);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = textLength;
        quoted[fieldCount] = isQuoted;
        fieldCount++;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The characters of every field of the current record; valid until the next call to {@link #next()}. */
    public char[] text() {
        return text;
    }

    public int start(int field) {
        return starts[field];
    }

    public int end(int field) {
        return ends[field];
    }

    public boolean isQuoted(int field) {
        return quoted[field];
    }

    public String fieldString(int field) {
        return new String(text, starts[field], ends[field] - starts[field]);
    }

    /** The line the current record starts on. */
    public long recordLine() {
        return recordLine;
    }
}
