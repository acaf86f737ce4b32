package io.weir.executor.connector.format;

/**
 * Where the record being decoded came from, for error messages: {@code File 'a.csv', line 3} or
 * {@code Topic 'bids', partition 2, offset 1041}. Asked only when something is wrong, so a reader passes one
 * instance that reads its current position rather than building a string per record.
 */
@FunctionalInterface
public interface RecordLocation {

    String describe();
}
