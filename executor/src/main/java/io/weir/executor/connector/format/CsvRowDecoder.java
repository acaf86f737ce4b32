package io.weir.executor.connector.format;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import java.util.List;

/**
 * Turns the current record of a {@link CsvTokenizer} into the row being written in a {@link RowBatch}: field
 * {@code i} is column {@code i}.
 *
 * <p>NULL is an unquoted field equal to {@code csv.null-literal}, or an empty field of a non-string column (an
 * empty string column is the empty string). A bad value fails the query with the record's location and the
 * column; with {@code csv.ignore-parse-errors} it becomes NULL, as in Flink. A record with the wrong number of
 * fields is a {@link RecordException}, which the reader skips or reports. Used by one reader thread.
 */
public final class CsvRowDecoder {

    private final CsvOptions options;
    private final List<String> columnNames;
    private final TypeKind[] kinds;
    private final RecordLocation where;

    public CsvRowDecoder(CsvOptions options, List<String> columnNames, List<DataType> types, RecordLocation where) {
        this.options = options;
        this.columnNames = List.copyOf(columnNames);
        this.kinds = new TypeKind[types.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = types.get(i).kind();
        }
        this.where = where;
    }

    /**
     * Writes the tokenizer's current record into the row at {@code batch.row()}; the caller commits it.
     *
     * @throws RecordException when the record has the wrong number of fields
     * @throws WeirException   EXECUTION for a bad value when parse errors are not ignored
     */
    public void decode(CsvTokenizer tokenizer, RowBatch batch) throws RecordException {
        if (tokenizer.fieldCount() != kinds.length) {
            throw new RecordException("Expected " + kinds.length + " fields but found " + tokenizer.fieldCount());
        }
        for (int c = 0; c < kinds.length; c++) {
            try {
                decodeField(tokenizer, batch, c);
            } catch (RuntimeException e) {
                if (!options.ignoreParseErrors() || (e instanceof WeirException w && w.kind() != ErrorKind.EXECUTION)) {
                    String problem = e instanceof WeirException ? e.getMessage()
                            : "Cannot read '" + tokenizer.fieldString(c) + "' as " + kinds[c];
                    throw WeirException.execution(where.describe() + ", column '" + columnNames.get(c) + "': "
                            + problem);
                }
                batch.setNull(c);
            }
        }
    }

    private void decodeField(CsvTokenizer tokenizer, RowBatch batch, int c) {
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
}
