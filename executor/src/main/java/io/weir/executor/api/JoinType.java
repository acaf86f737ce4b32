package io.weir.executor.api;

/** Join semantics. SEMI and ANTI output only the left row (EXISTS / NOT EXISTS). */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    SEMI,
    ANTI;

    /** True when the output has the right input's columns too. */
    public boolean projectsRight() {
        return this != SEMI && this != ANTI;
    }

    public boolean keepsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }

    public boolean keepsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }
}
