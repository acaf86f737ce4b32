package io.weir.executor.connector.filesystem;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as CSV that {@link CsvDecoder} reads back: values as SQL text ({@link Values#format}), quoted
 * when they hold the delimiter, the quote or a line break, and strings also when they are empty or could be
 * taken for NULL or a comment. NULL is written as {@code csv.null-literal}, or as an empty field.
 */
final class CsvEncoder implements RecordEncoder {

    private final Writer out;
    private final CsvOptions options;
    private final DataType[] types;
    private final String doubledQuote;

    CsvEncoder(Writer out, CsvOptions options, List<DataType> types) {
        this.out = out;
        this.options = options;
        this.types = types.toArray(new DataType[0]);
        this.doubledQuote = String.valueOf(options.quoteCharacter()) + options.quoteCharacter();
    }

    @Override
    public void write(Chunk chunk) throws IOException {
        FileSinkOperator.checkInsertOnly(chunk);
        for (int row = 0; row < chunk.size(); row++) {
            int written = 0;
            for (int c = 0; c < types.length; c++) {
                if (c > 0) {
                    out.write(options.fieldDelimiter());
                }
                written += writeField(c, chunk.column(c), row);
            }
            if (written == 0 && types.length == 1) {
                // A lone empty field would be a blank line, which readers skip: quote it so the row survives.
                writeQuoted("");
            }
            out.write('\n');
        }
    }

    /** Writes one field; returns the number of characters written. */
    private int writeField(int c, Vector vector, int row) throws IOException {
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
            writeQuoted(text);
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

    private void writeQuoted(String text) throws IOException {
        char quote = options.quoteCharacter();
        out.write(quote);
        out.write(text.replace(String.valueOf(quote), doubledQuote));
        out.write(quote);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
