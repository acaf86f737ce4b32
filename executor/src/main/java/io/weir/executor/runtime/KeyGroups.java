package io.weir.executor.runtime;

/**
 * The one place that maps keys to key groups and key groups to subtasks. Keyed state will be stored by key
 * group, so every component that routes or stores by key must agree with these functions exactly; and since a
 * subtask owns a contiguous range of key groups, state can later be restored at another parallelism.
 */
public final class KeyGroups {

    /** The number of key groups, which bounds the parallelism of keyed operators. */
    public static final int MAX_PARALLELISM = 128;

    private KeyGroups() {
    }

    /** The key group of a key whose columns were hashed with {@code Vector.hashInto}. */
    public static int keyGroup(int keyHash) {
        return Math.floorMod(keyHash, MAX_PARALLELISM);
    }

    /** The subtask, of {@code parallelism}, that owns {@code keyGroup}. */
    public static int subtaskOf(int keyGroup, int parallelism) {
        return keyGroup * parallelism / MAX_PARALLELISM;
    }

    /** The subtask, of {@code parallelism}, that owns the key with this hash. */
    public static int subtaskForHash(int keyHash, int parallelism) {
        return subtaskOf(keyGroup(keyHash), parallelism);
    }
}
