package io.weir.server.result;

/**
 * How a continuous query ended, as its result stream reports it.
 *
 * @param state {@code FINISHED}, {@code FAILED} or {@code CANCELED}
 * @param error the failure's message for {@code FAILED}, else null
 */
public record ResultEnd(String state, String error) {

    public boolean failed() {
        return error != null;
    }
}
