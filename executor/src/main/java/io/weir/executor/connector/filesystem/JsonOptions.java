package io.weir.executor.connector.filesystem;

/** The {@code json.*} options of the filesystem connector. */
record JsonOptions(boolean ignoreParseErrors, boolean failOnMissingField) {
}
