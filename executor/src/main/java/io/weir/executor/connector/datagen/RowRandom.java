package io.weir.executor.connector.datagen;

/**
 * Random numbers that are a pure function of a seed and a row index: {@link #startRow} positions the stream at the
 * first draw of a row, and the draws that follow are SplitMix64 steps from there. So a generated table's row
 * {@code r} is the same whichever subtask makes it, at whatever parallelism, in whatever chunks, and after any
 * restore: a reader resumes a random column by its row index alone, with no generator state to checkpoint.
 *
 * <p>Mutable and allocation-free; used by one reader thread.
 */
final class RowRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Spreads row indexes before mixing, so neighbouring rows start unrelated streams. */
    private static final long ROW_GAMMA = 0xbf58476d1ce4e5b9L;

    private final long seed;
    private long state;

    RowRandom(long seed) {
        this.seed = seed;
    }

    /** Positions the stream at the first draw of row {@code row}. */
    void startRow(long row) {
        state = mix(seed + row * ROW_GAMMA);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound > 0}. */
    long nextLong(long bound) {
        return nextLong(0, bound);
    }

    /** Uniform in {@code [origin, bound)}; {@code origin < bound}. */
    long nextLong(long origin, long bound) {
        long range = bound - origin;
        if (range > 0) {
            long limit = range - 1;
            if ((range & limit) == 0) {
                return origin + (nextLong() & limit);
            }
            // Rejects the top partial block of 2^63 so that every value is equally likely.
            for (long u = nextLong() >>> 1; ; u = nextLong() >>> 1) {
                long r = u % range;
                if (u + limit - r >= 0) {
                    return origin + r;
                }
            }
        }
        // The range overflows a long: draw until a value falls inside it (at least half do).
        while (true) {
            long r = nextLong();
            if (r >= origin && r < bound) {
                return r;
            }
        }
    }

    int nextInt(int bound) {
        return (int) nextLong(0, bound);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** The finalizer of MurmurHash3 (Stafford's variant 13, as SplitMix64 uses). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
