package io.weir.executor.data;

/** The producer of a channel has finished; nothing follows on that channel. */
public final class EndOfInput implements StreamElement {

    public static final EndOfInput INSTANCE = new EndOfInput();

    private EndOfInput() {
    }

    @Override
    public String toString() {
        return "EndOfInput";
    }
}
