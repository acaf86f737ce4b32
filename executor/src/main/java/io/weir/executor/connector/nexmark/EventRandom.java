package io.weir.executor.connector.nexmark;

/**
 * The random numbers of one field of one event: {@link #reset} to an (event id, field) pair, then draw.
 *
 * <p>The draws are a pure function of the generator's seed, the event id and the field, so event n is the same in
 * every run, on every machine and at every parallelism, and a field can be computed (or skipped) without drawing
 * the others. Draw d of field f of event e is {@code mix(seed + e * EVENT_GAMMA + f * FIELD_GAMMA + d * GOLDEN_GAMMA)}
 * with SplitMix64's finalizer: one mixing step per draw, no allocation, one instance re-used for every event. A
 * field that needs several small values takes them from the bits of one draw ({@link #scale}). Not thread-safe;
 * one per reader.
 */
final class EventRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long EVENT_GAMMA = 0xD1B54A32D192ED03L;
    private static final long FIELD_GAMMA = 0xABA0C2C1E2B45A6DL;

    private final long seed;
    private long state;

    EventRandom(long seed) {
        // Hashed so that nearby user seeds (0, 1, 2) give unrelated streams.
        this.seed = mix(seed ^ 0x6A09E667F3BCC909L);
    }

    /** Starts the draws of field {@code field} of event {@code eventId}. */
    void reset(long eventId, int field) {
        state = seed + eventId * EVENT_GAMMA + field * FIELD_GAMMA;
    }

    /** 64 random bits. */
    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)} for {@code 0 < bound}. */
    int nextInt(int bound) {
        return scale(nextLong() >>> 32, bound);
    }

    /** Uniform in {@code [0, bound)} for {@code 0 < bound}. */
    long nextLong(long bound) {
        return bound <= Integer.MAX_VALUE ? nextInt((int) bound) : Math.floorMod(nextLong(), bound);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Maps 32 random bits ({@code 0 <= bits < 2^32}) to {@code [0, bound)} by a multiply-shift, whose bias is
     * negligible for the small bounds the generator uses.
     */
    static int scale(long bits, int bound) {
        return (int) ((bits * bound) >>> 32);
    }

    /** The finalizer of SplitMix64 (Stafford's variant 13): every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
