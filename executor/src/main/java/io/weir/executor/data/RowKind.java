package io.weir.executor.data;

/** What a row means in a changelog; insert-only streams carry only {@link #INSERT}. */
public enum RowKind {
    INSERT("+I"),
    UPDATE_BEFORE("-U"),
    UPDATE_AFTER("+U"),
    DELETE("-D");

    private static final RowKind[] BY_CODE = values();

    private final String shortString;

    RowKind(String shortString) {
        this.shortString = shortString;
    }

    /** The byte stored per row in a {@link Chunk}. */
    public byte code() {
        return (byte) ordinal();
    }

    public static RowKind fromCode(byte code) {
        return BY_CODE[code];
    }

    /** {@code +I}, {@code -U}, {@code +U} or {@code -D}, as in result streams. */
    public String shortString() {
        return shortString;
    }
}
