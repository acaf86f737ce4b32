package io.weir.executor.api;

/**
 * An error with its {@link ErrorKind} and, for errors in SQL text, the 1-based line and column it points at
 * (0 when there is no position). Messages are written for the user and say what to fix.
 */
public class WeirException extends RuntimeException {

    private final ErrorKind kind;
    private final int line;
    private final int column;

    public WeirException(ErrorKind kind, String message) {
        this(kind, message, 0, 0, null);
    }

    public WeirException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, 0, 0, cause);
    }

    public WeirException(ErrorKind kind, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.line = line;
        this.column = column;
    }

    public static WeirException validation(String message) {
        return new WeirException(ErrorKind.VALIDATION, message);
    }

    public static WeirException execution(String message) {
        return new WeirException(ErrorKind.EXECUTION, message);
    }

    public static WeirException plan(String message) {
        return new WeirException(ErrorKind.PLAN, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    public boolean hasPosition() {
        return line > 0;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
