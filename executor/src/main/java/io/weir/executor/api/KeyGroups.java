package io.weir.executor.api;

/**
 * The one place that maps keys to key groups and key groups to subtasks. Keyed state is stored by key
 * group, so every component that routes or stores by key must agree with these functions exactly; and since a
 * subtask owns a contiguous range of key groups, state can be restored at another parallelism.
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

    /** The first key group {@code subtask} of {@code parallelism} owns. */
    public static int firstKeyGroup(int subtask, int parallelism) {
        return (subtask * MAX_PARALLELISM + parallelism - 1) / parallelism;
    }

    /** One past the last key group {@code subtask} of {@code parallelism} owns. */
    public static int endKeyGroup(int subtask, int parallelism) {
        return firstKeyGroup(subtask + 1, parallelism);
    }
}
