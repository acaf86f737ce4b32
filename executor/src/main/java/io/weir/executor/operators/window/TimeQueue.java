package io.weir.executor.operators.window;

import java.util.Arrays;

/**
 * A min-heap of {@code (time, sequence, ref)} entries in primitive arrays, ordered by time and then sequence:
 * which buffered row or open session is due first, without boxing. {@code ref} is the caller's index of the
 * row or session; {@code sequence} breaks ties (arrival order) and lets callers recognise stale entries.
 */
final class TimeQueue {

    private long[] times = new long[16];
    private long[] sequences = new long[16];
    private int[] refs = new int[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void push(long time, long sequence, int ref) {
        if (size == times.length) {
            int length = size * 2;
            times = Arrays.copyOf(times, length);
            sequences = Arrays.copyOf(sequences, length);
            refs = Arrays.copyOf(refs, length);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, sequence, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, sequence, ref);
    }

    /** The time of the first entry; the queue must not be empty. */
    long peekTime() {
        return times[0];
    }

    long peekSequence() {
        return sequences[0];
    }

    int peekRef() {
        return refs[0];
    }

    /** Removes the first entry. */
    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        long time = times[size];
        long sequence = sequences[size];
        int ref = refs[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], sequences[child + 1], child)) {
                child++;
            }
            if (!before(times[child], sequences[child], time, sequence)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, time, sequence, ref);
    }

    /** Replaces every entry's ref {@code r} by {@code mapping[r]} (after the caller has moved its rows). */
    void remapRefs(int[] mapping) {
        for (int i = 0; i < size; i++) {
            refs[i] = mapping[refs[i]];
        }
    }

    /** The refs of all entries, in no particular order. */
    int[] refs() {
        return Arrays.copyOf(refs, size);
    }

    void clear() {
        size = 0;
    }

    private boolean before(long time, long sequence, int index) {
        return before(time, sequence, times[index], sequences[index]);
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    private void move(int from, int to) {
        set(to, times[from], sequences[from], refs[from]);
    }

    private void set(int index, long time, long sequence, int ref) {
        times[index] = time;
        sequences[index] = sequence;
        refs[index] = ref;
    }
}
