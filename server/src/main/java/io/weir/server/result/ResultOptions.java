package io.weir.server.result;

import io.weir.executor.api.WeirException;
import java.util.Map;

/**
 * How a continuous query's results are buffered for its client, read from the statement's properties
 * ({@code SET}, request properties, server defaults).
 *
 * @param bufferRows rows the buffer holds at most, fetched-but-retained page included ({@code result.buffer-rows})
 * @param policy     what happens when it is full ({@code result.buffer-policy})
 * @param pageRows   rows one page holds at most ({@code result.page-rows}); never more than {@code bufferRows}
 */
public record ResultOptions(int bufferRows, BufferPolicy policy, int pageRows) {

    public static final String BUFFER_ROWS = "result.buffer-rows";
    public static final String BUFFER_POLICY = "result.buffer-policy";
    public static final String PAGE_ROWS = "result.page-rows";

    public static final int DEFAULT_BUFFER_ROWS = 100_000;
    public static final int DEFAULT_PAGE_ROWS = 10_000;

    public ResultOptions {
        if (bufferRows < 1 || pageRows < 1) {
            throw new IllegalArgumentException("Buffer and page sizes must be positive");
        }
        pageRows = Math.min(pageRows, bufferRows);
    }

    /** Reads the options; a bad value is a validation error that names its key. */
    public static ResultOptions from(Map<String, String> properties) {
        int bufferRows = positive(properties.get(BUFFER_ROWS), DEFAULT_BUFFER_ROWS, BUFFER_ROWS);
        String policy = properties.get(BUFFER_POLICY);
        int pageRows = positive(properties.get(PAGE_ROWS), DEFAULT_PAGE_ROWS, PAGE_ROWS);
        return new ResultOptions(bufferRows, policy == null ? BufferPolicy.BLOCK : BufferPolicy.parse(policy,
                BUFFER_POLICY), pageRows);
    }

    private static int positive(String value, int defaultValue, String key) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WeirException.validation("'" + key + "' must be a positive whole number of rows, got '" + value + "'");
    }
}
