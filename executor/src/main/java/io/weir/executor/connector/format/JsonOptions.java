package io.weir.executor.connector.format;

/** The {@code json.*} options of a table with {@code 'format' = 'json'} (see {@link FormatOptions}). */
public record JsonOptions(boolean ignoreParseErrors, boolean failOnMissingField) {
}
