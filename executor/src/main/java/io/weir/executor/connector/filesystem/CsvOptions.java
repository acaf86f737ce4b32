package io.weir.executor.connector.filesystem;

/**
 * The {@code csv.*} options of the filesystem connector.
 *
 * @param nullLiteral an unquoted field equal to it is NULL (and NULL is written as it); null when unset
 */
record CsvOptions(char fieldDelimiter, char quoteCharacter, boolean allowComments, boolean ignoreParseErrors,
        String nullLiteral) {
}
