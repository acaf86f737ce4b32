package io.weir.executor.api;

/** A monotonically increasing metric, safe to increment from any task thread. */
public interface Counter {

    void inc(long delta);

    default void inc() {
        inc(1);
    }

    long get();
}
