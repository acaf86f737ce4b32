package io.weir.executor.runtime;

import java.util.Arrays;

/**
 * The pending processing-time timers of one operator: a set of times, earliest first. Adding a time that is
 * already pending changes nothing, so an operator may register the same time for every row it sees without
 * allocating. Kept as a sorted array, latest first, so taking the earliest is O(1); few distinct times are pending
 * at once (one per open window), which makes the O(n) insert cheap. Used by the task thread only.
 */
final class TimerQueue {

    /** {@code times[0..size)} in strictly descending order. */
    private long[] times = new long[8];
    private int size;

    /** Adds {@code time}; false when it was pending already. */
    boolean add(long time) {
        int at = insertionPoint(time);
        if (at < size && times[at] == time) {
            return false;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
        }
        System.arraycopy(times, at, times, at + 1, size - at);
        times[at] = time;
        size++;
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest pending time, or {@link Long#MAX_VALUE} when none is pending. */
    long earliest() {
        return size == 0 ? Long.MAX_VALUE : times[size - 1];
    }

    /** Removes and returns the earliest pending time; only when not empty. */
    long pollEarliest() {
        return times[--size];
    }

    /** How many pending times are at or before {@code now}. */
    int countDue(long now) {
        // Times are descending: the due ones are the tail, from the first index holding a time <= now.
        return size - insertionPoint(now);
    }

    /** The first index whose time is {@code <= time}, by binary search over the descending array. */
    private int insertionPoint(long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] > time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
