package io.weir.executor.api;

/** The aggregate functions the runtime computes. */
public enum AggregateKind {
    /** COUNT(*) when the argument index is -1, else COUNT(x): rows where x is not null. */
    COUNT,
    /** SUM; null on no (non-null) input. */
    SUM,
    /** SUM that gives 0 instead of null on no input (Calcite's $SUM0, used in rewrites). */
    SUM0,
    MIN,
    MAX,
    /** AVG with the result type's arithmetic: integral results truncate, as in Flink. */
    AVG,
    /** Any one value of the group (Calcite's SINGLE_VALUE check is separate); used by rewrites. */
    ANY_VALUE,
    /** Fails when the group has more than one row (a scalar subquery that returned several rows). */
    SINGLE_VALUE,
    /** BOOL_AND / EVERY. */
    EVERY,
    /** BOOL_OR / SOME. */
    SOME
}
