package io.weir.executor.connector.filesystem;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Turns CSV records into rows: field {@code i} is column {@code i}.
 *
 * <p>NULL is an unquoted field equal to {@code csv.null-literal}, or an empty field of a non-string column (an
 * empty string column is the empty string). A bad value or record fails the query with the file, line and
 * column; with {@code csv.ignore-parse-errors} a bad value becomes NULL and a bad record (wrong number of
 * fields, broken quoting) is skipped, as Flink does.
 */
final class CsvDecoder implements RecordDecoder {

    private final String fileName;
    private final CsvTokenizer tokenizer;
    private final CsvOptions options;
    private final List<String> columnNames;
    private final TypeKind[] kinds;

    CsvDecoder(String fileName, Reader in, CsvOptions options, List<String> columnNames, List<DataType> types) {
        this.fileName = fileName;
        this.tokenizer = new CsvTokenizer(in, options.fieldDelimiter(), options.quoteCharacter(), options.allowComments());
        this.options = options;
        this.columnNames = columnNames;
        this.kinds = new TypeKind[types.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = types.get(i).kind();
        }
    }

    @Override
    public boolean fill(RowBatch batch) throws IOException {
        while (!batch.isFull()) {
            try {
                if (!tokenizer.next()) {
                    return false;
                }
                if (tokenizer.fieldCount() != kinds.length) {
                    throw new RecordException("Expected " + kinds.length + " fields but found " + tokenizer.fieldCount());
                }
            } catch (RecordException e) {
                if (options.ignoreParseErrors()) {
                    continue;
                }
                throw WeirException.execution("File '" + fileName + "', line " + tokenizer.recordLine() + ": "
                        + e.getMessage());
            }
            decodeRow(batch);
            batch.commitRow();
        }
        return true;
    }

    private void decodeRow(RowBatch batch) {
        for (int c = 0; c < kinds.length; c++) {
            try {
                decodeField(batch, c);
            } catch (RuntimeException e) {
                if (!options.ignoreParseErrors() || (e instanceof WeirException w && w.kind() != ErrorKind.EXECUTION)) {
                    String problem = e instanceof WeirException ? e.getMessage()
                            : "Cannot read '" + tokenizer.fieldString(c) + "' as " + kinds[c];
                    throw WeirException.execution("File '" + fileName + "', line " + tokenizer.recordLine()
                            + ", column '" + columnNames.get(c) + "': " + problem);
                }
                batch.setNull(c);
            }
        }
    }

    private void decodeField(RowBatch batch, int c) {
        char[] text = tokenizer.text();
        int start = tokenizer.start(c);
        int end = tokenizer.end(c);
        if (!tokenizer.isQuoted(c) && isNullLiteral(text, start, end)) {
            batch.setNull(c);
            return;
        }
        TypeKind kind = kinds[c];
        if (kind.isCharacter()) {
            batch.setString(c, tokenizer.fieldString(c));
        } else if (start == end) {
            batch.setNull(c);
        } else if (!kind.isIntegral() || !parseIntegral(batch, c, kind, text, start, end)) {
            batch.parse(c, tokenizer.fieldString(c));
        }
    }

    private boolean isNullLiteral(char[] text, int start, int end) {
        String literal = options.nullLiteral();
        if (literal == null || literal.length() != end - start) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (text[start + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common case of a plain decimal integer, parsed straight from the chars without a String. Returns false
     * for anything else (spaces, a fraction, too many digits), which then takes the general path.
     */
    private static boolean parseIntegral(RowBatch batch, int c, TypeKind kind, char[] text, int start, int end) {
        int i = start;
        boolean negative = text[i] == '-';
        if (negative || text[i] == '+') {
            i++;
        }
        if (i == end || end - i > 18) {
            return false;
        }
        long value = 0;
        for (; i < end; i++) {
            char ch = text[i];
            if (ch < '0' || ch > '9') {
                return false;
            }
            value = value * 10 + (ch - '0');
        }
        value = negative ? -value : value;
        Values.checkRange(value, kind);
        batch.setLong(c, value);
        return true;
    }

    @Override
    public void close() {
        // The reader owns the stream.
    }
}
