package io.weir.executor.connector.format;

/**
 * A record that cannot be decoded (bad quoting, wrong field count, invalid JSON). Readers catch it and either skip
 * the record ({@code *.ignore-parse-errors}) or turn it into an EXECUTION error naming where the record came from
 * (file and line, topic, partition and offset). Cheap: it carries no stack trace.
 */
public final class RecordException extends Exception {

    public RecordException(String message) {
        super(message, null, false, false);
    }
}
