package io.weir.executor.connector.format;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a row as one CSV record that {@link CsvRowDecoder} reads back: values as SQL text
 * ({@link Values#format}), quoted when they hold the delimiter, the quote or a line break, and strings also when
 * they are empty or could be taken for NULL or a comment. NULL is written as {@code csv.null-literal}, or as an
 * empty field. Used by one sink thread.
 */
public final class CsvRowEncoder {

    private final CsvOptions options;
    private final DataType[] types;
    private final String doubledQuote;

    public CsvRowEncoder(CsvOptions options, List<DataType> types) {
        this.options = options;
        this.types = types.toArray(new DataType[0]);
        this.doubledQuote = String.valueOf(options.quoteCharacter()) + options.quoteCharacter();
    }

    /** Writes row {@code row} of {@code chunk} (whose columns are the table's), without a line break. */
    public void write(Writer out, Chunk chunk, int row) throws IOException {
        int written = 0;
        for (int c = 0; c < types.length; c++) {
            if (c > 0) {
                out.write(options.fieldDelimiter());
            }
            written += writeField(out, c, chunk.column(c), row);
        }
        if (written == 0 && types.length == 1) {
            // A lone empty field would be a blank record, which readers skip: quote it so the row survives.
            writeQuoted(out, "");
        }
    }

    /** Writes one field; returns the number of characters written. */
    private int writeField(Writer out, int c, Vector vector, int row) throws IOException {
        String text = Values.format(types[c], vector, row);
        if (text == null) {
            String literal = options.nullLiteral();
            if (literal == null) {
                return 0;
            }
            out.write(literal);
            return literal.length();
        }
        if (needsQuotes(text, c)) {
            writeQuoted(out, text);
            return text.length() + 2;
        }
        out.write(text);
        return text.length();
    }

    private boolean needsQuotes(String text, int column) {
        if (types[column].kind().isCharacter()) {
            if (text.isEmpty() || text.equals(options.nullLiteral())) {
                return true;
            }
            if (column == 0 && options.allowComments() && text.charAt(0) == '#') {
                return true;
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == options.fieldDelimiter() || ch == options.quoteCharacter() || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }

    private void writeQuoted(Writer out, String text) throws IOException {
        char quote = options.quoteCharacter();
        out.write(quote);
        out.write(text.replace(String.valueOf(quote), doubledQuote));
        out.write(quote);
    }
}
