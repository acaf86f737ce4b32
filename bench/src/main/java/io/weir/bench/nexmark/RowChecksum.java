package io.weir.bench.nexmark;

/**
 * The order-independent checksum both engines' benchmark sinks compute, so a Weir run and a Flink run over the same
 * input can be compared row for row without keeping the rows: the sum over rows of a mixed hash of the row's values.
 * A row's hash folds its values left to right; each value contributes a long that does not depend on the engine's
 * representation (integers, decimals as their unscaled long at the column's scale, timestamps as epoch millis,
 * doubles by their bits, strings by {@link StringChecksum}).
 */
public final class RowChecksum {

    /** What a NULL contributes. */
    public static final long NULL = 0x5bd1e995L;

    private RowChecksum() {
    }

    /** The running hash of a row before its first value. */
    public static long start() {
        return 1;
    }

    /** Folds one value into a row's running hash. */
    public static long fold(long rowHash, long value) {
        return rowHash * 31 + value;
    }

    /** A row's final hash, to add to the checksum. SplitMix64's finalizer: spreads the bits of similar rows. */
    public static long finish(long rowHash) {
        long z = rowHash;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long ofDouble(double value) {
        return Double.doubleToLongBits(value);
    }

    public static long ofBoolean(boolean value) {
        return value ? 1231 : 1237;
    }
}
