package io.weir.executor.connector.filesystem;

/**
 * A record of a file that cannot be decoded (bad quoting, wrong field count, invalid JSON). Decoders catch it and
 * either skip the record ({@code *.ignore-parse-errors}) or turn it into an EXECUTION error naming file and line.
 */
final class RecordException extends Exception {

    RecordException(String message) {
        super(message, null, false, false);
    }
}
