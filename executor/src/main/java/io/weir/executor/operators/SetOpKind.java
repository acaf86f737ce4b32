package io.weir.executor.operators;

/** The set operations {@link SetOpOperator} computes (UNION is a union of inputs plus an aggregate). */
public enum SetOpKind {
    /** Rows in both inputs. */
    INTERSECT,
    /** Rows of the left input that are not in the right one. */
    EXCEPT
}
