package io.weir.server.result;

import io.weir.executor.api.WeirException;
import java.util.Locale;

/** What a continuous query's result buffer does when it is full ({@code result.buffer-policy}). */
public enum BufferPolicy {
    /** The query's sink waits until the client has fetched enough rows: backpressure on that query alone. */
    BLOCK("block"),
    /** The oldest rows not yet fetched are dropped to make room; the next page says how many. */
    DROP_OLDEST("drop-oldest");

    private final String setting;

    BufferPolicy(String setting) {
        this.setting = setting;
    }

    /** The value as written in {@code SET 'result.buffer-policy' = '...'}. */
    public String setting() {
        return setting;
    }

    static BufferPolicy parse(String value, String key) {
        for (BufferPolicy policy : values()) {
            if (policy.setting.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw WeirException.validation("'" + key + "' must be 'block' or 'drop-oldest', got '" + value + "'");
    }
}
