package io.weir.executor.connector.format;

/**
 * The {@code csv.*} options of a table with {@code 'format' = 'csv'} (see {@link FormatOptions}).
 *
 * @param nullLiteral an unquoted field equal to it is NULL (and NULL is written as it); null when unset
 */
public record CsvOptions(char fieldDelimiter, char quoteCharacter, boolean allowComments, boolean ignoreParseErrors,
        String nullLiteral) {
}
