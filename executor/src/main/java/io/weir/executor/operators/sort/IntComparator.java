package io.weir.executor.operators.sort;

/** Orders row references (ints) without boxing them. */
@FunctionalInterface
public interface IntComparator {

    int compare(int a, int b);
}
