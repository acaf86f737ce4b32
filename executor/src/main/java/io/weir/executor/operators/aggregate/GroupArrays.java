package io.weir.executor.operators.aggregate;

import java.util.Arrays;

/** Growing per-group arrays by half again, so that adding groups one by one stays amortised O(1). */
final class GroupArrays {

    private GroupArrays() {
    }

    static int grownLength(int length, int minLength) {
        return Math.max(minLength, length + (length >> 1) + 16);
    }

    static long[] ensure(long[] array, int minLength) {
        return array.length >= minLength ? array : Arrays.copyOf(array, grownLength(array.length, minLength));
    }

    static double[] ensure(double[] array, int minLength) {
        return array.length >= minLength ? array : Arrays.copyOf(array, grownLength(array.length, minLength));
    }

    static boolean[] ensure(boolean[] array, int minLength) {
        return array.length >= minLength ? array : Arrays.copyOf(array, grownLength(array.length, minLength));
    }

    static String[] ensure(String[] array, int minLength) {
        return array.length >= minLength ? array : Arrays.copyOf(array, grownLength(array.length, minLength));
    }
}
