package io.weir.executor.operators.window;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import io.weir.executor.operators.sort.IntSorter;
import java.util.Arrays;
import java.util.List;

/**
 * The open session windows of a {@link SessionWindowAggregateOperator}, per partition key, in primitive arrays.
 *
 * <p>A session of one key is {@code [start, last + gap)} where {@code start} and {@code last} are the least and
 * greatest rowtime of its rows; a row at time {@code t} belongs to it when {@code start - gap < t < last + gap}
 * (consecutive rows less than {@code gap} apart). A row that touches no session opens one; a row that touches
 * several bridges them, and they merge into the first. Sessions live in slots (ids re-used once freed) that also
 * index the caller's aggregate state; the caller folds the slots merged during a chunk into their targets
 * ({@link #mergeCount()}, {@link #mergeTarget}, {@link #mergeSource}) before {@link #endChunk()} frees them.
 *
 * <p>Each open session has one entry in a {@link TimeQueue} keyed by an end it once had, never above its
 * current end, so the queue's head bounds the next session to close. Partition keys are interned in a
 * {@link GroupHashTable}; when most interned keys have no open session left, the table is rebuilt with only
 * the live ones, so state follows the keys in use rather than every key ever seen.
 */
final class Sessions {

    private static final int NONE = -1;
    private static final int MIN_KEYS_TO_COMPACT = 1024;

    private final List<DataType> keyTypes;
    private final long gap;
    private GroupHashTable keys;

    // Per key id.
    /** First open session of each key, or NONE. */
    private int[] keyHead = new int[16];
    private int liveKeys;

    // Per slot.
    private long[] start = new long[16];
    private long[] last = new long[16];
    private int[] keyOf = new int[16];
    /** Next session of the same key, or NONE. */
    private int[] next = new int[16];
    /** Unique id of the session in the slot (0 when free): tells live queue entries from stale ones. */
    private long[] serial = new long[16];
    /** During a chunk: the slot a merged-away slot was folded into, else NONE. */
    private int[] mergedInto = new int[16];
    private int slotCount;
    private int[] freeSlots = new int[16];
    private int freeCount;
    private long nextSerial = 1;

    private final TimeQueue due = new TimeQueue();
    /** Merges of the current chunk, in the order they happened. */
    private int[] mergeTargets = new int[8];
    private int[] mergeSources = new int[8];
    private int mergeCount;

    Sessions(List<DataType> keyTypes, long gap) {
        this.keyTypes = List.copyOf(keyTypes);
        this.gap = gap;
        this.keys = new GroupHashTable(keyTypes);
        Arrays.fill(keyHead, NONE);
    }

    /** The id of the partition key in row {@code row} of {@code columns} (hash {@code hash}), interned if new. */
    int key(Vector[] columns, int row, int hash) {
        int id = keys.findOrInsert(columns, row, hash);
        if (id == keyHead.length) {
            int length = id * 2;
            keyHead = Arrays.copyOf(keyHead, length);
            Arrays.fill(keyHead, id, length, NONE);
        }
        return id;
    }

    /** Places a row of key {@code key} at time {@code time} and returns its session's slot. */
    int assign(int key, long time) {
        int found = NONE;
        int previous = NONE;
        for (int s = keyHead[key]; s != NONE; ) {
            int following = next[s];
            if (start[s] - gap < time && time < last[s] + gap) {
                if (found == NONE) {
                    found = s;
                    start[s] = Math.min(start[s], time);
                    last[s] = Math.max(last[s], time);
                } else {
                    absorb(found, s, previous, following);
                    s = following;
                    continue;
                }
            }
            previous = s;
            s = following;
        }
        return found != NONE ? found : open(key, time);
    }

    /** Folds session {@code source} into {@code target} and unlinks it ({@code previous} precedes it in its list). */
    private void absorb(int target, int source, int previous, int following) {
        start[target] = Math.min(start[target], start[source]);
        last[target] = Math.max(last[target], last[source]);
        if (previous == NONE) {
            keyHead[keyOf[source]] = following;
        } else {
            next[previous] = following;
        }
        mergedInto[source] = target;
        if (mergeCount == mergeTargets.length) {
            mergeTargets = Arrays.copyOf(mergeTargets, mergeCount * 2);
            mergeSources = Arrays.copyOf(mergeSources, mergeCount * 2);
        }
        mergeTargets[mergeCount] = target;
        mergeSources[mergeCount++] = source;
    }

    private int open(int key, long time) {
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        start[slot] = time;
        last[slot] = time;
        keyOf[slot] = key;
        mergedInto[slot] = NONE;
        serial[slot] = nextSerial++;
        if (keyHead[key] == NONE) {
            liveKeys++;
        }
        next[slot] = keyHead[key];
        keyHead[key] = slot;
        due.push(time + gap, serial[slot], slot);
        return slot;
    }

    private int newSlot() {
        if (slotCount == start.length) {
            int length = slotCount * 2;
            start = Arrays.copyOf(start, length);
            last = Arrays.copyOf(last, length);
            keyOf = Arrays.copyOf(keyOf, length);
            next = Arrays.copyOf(next, length);
            serial = Arrays.copyOf(serial, length);
            mergedInto = Arrays.copyOf(mergedInto, length);
        }
        return slotCount++;
    }

    /** One more than the highest slot in use: the number of groups the caller's aggregate state must hold. */
    int slotCount() {
        return slotCount;
    }

    int mergeCount() {
        return mergeCount;
    }

    int mergeTarget(int index) {
        return mergeTargets[index];
    }

    int mergeSource(int index) {
        return mergeSources[index];
    }

    /** The slot that holds {@code slot}'s rows now: itself, or the session it was merged into during this chunk. */
    int resolve(int slot) {
        while (mergedInto[slot] != NONE) {
            slot = mergedInto[slot];
        }
        return slot;
    }

    /** Frees the slots merged away during the chunk; the caller has folded and reset their aggregate state. */
    void endChunk() {
        for (int i = 0; i < mergeCount; i++) {
            int source = mergeSources[i];
            mergedInto[source] = NONE;
            release(source);
        }
        mergeCount = 0;
    }

    /**
     * The sessions closed at {@code watermark} (see {@link RowtimeFilter#isClosed}), ordered by end and then by
     * age. They stay open until the caller has emitted them and calls {@link #remove}.
     */
    int[] takeClosed(long watermark) {
        int[] closed = new int[8];
        int count = 0;
        while (!due.isEmpty() && RowtimeFilter.isClosed(due.peekTime(), watermark)) {
            int slot = due.peekRef();
            long entrySerial = due.peekSequence();
            due.pop();
            if (serial[slot] != entrySerial) {
                continue;
            }
            long end = end(slot);
            if (!RowtimeFilter.isClosed(end, watermark)) {
                due.push(end, entrySerial, slot);
            } else {
                if (count == closed.length) {
                    closed = Arrays.copyOf(closed, count * 2);
                }
                closed[count++] = slot;
            }
        }
        int[] result = Arrays.copyOf(closed, count);
        IntSorter.sort(result, count, (a, b) -> {
            int cmp = Long.compare(end(a), end(b));
            return cmp != 0 ? cmp : Long.compare(serial[a], serial[b]);
        });
        return result;
    }

    /** The unique id of the open session in {@code slot}; never re-used, unlike the slot. */
    long serial(int slot) {
        return serial[slot];
    }

    long start(int slot) {
        return start[slot];
    }

    long end(int slot) {
        return last[slot] + gap;
    }

    /** Key column {@code k} of the sessions {@code slots[from, from + count)}, as a new vector. */
    Vector keyColumn(int k, int[] slots, int from, int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = keyOf[slots[from + i]];
        }
        return keys.keyColumn(k).gather(ids, count);
    }

    /** Closes an emitted session and frees its slot (whose aggregate state the caller has reset). */
    void remove(int slot) {
        int key = keyOf[slot];
        int previous = NONE;
        for (int s = keyHead[key]; s != slot; s = next[s]) {
            previous = s;
        }
        if (previous == NONE) {
            keyHead[key] = next[slot];
        } else {
            next[previous] = next[slot];
        }
        release(slot);
    }

    private void release(int slot) {
        int key = keyOf[slot];
        serial[slot] = 0;
        if (keyHead[key] == NONE) {
            liveKeys--;
        }
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    /** Rebuilds the key table with only the keys that have open sessions, when those are the minority. */
    void compactKeys() {
        int size = keys.size();
        if (size < MIN_KEYS_TO_COMPACT || liveKeys * 2 >= size) {
            return;
        }
        Vector[] columns = new Vector[keys.keyColumnCount()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = keys.keyColumn(k);
        }
        int[] hashes = new int[size];
        GroupHashTable.hash(columns, size, hashes);
        GroupHashTable live = new GroupHashTable(keyTypes, Math.max(16, liveKeys));
        int[] heads = new int[Math.max(16, liveKeys * 2)];
        Arrays.fill(heads, NONE);
        for (int id = 0; id < size; id++) {
            if (keyHead[id] != NONE) {
                int fresh = live.findOrInsert(columns, id, hashes[id]);
                heads[fresh] = keyHead[id];
                for (int s = keyHead[id]; s != NONE; s = next[s]) {
                    keyOf[s] = fresh;
                }
            }
        }
        keys = live;
        keyHead = heads;
    }

    /** The open sessions, oldest (lowest serial) first: what a checkpoint writes. */
    int[] openSlots() {
        int[] open = new int[16];
        int count = 0;
        for (int key = 0; key < keys.size(); key++) {
            for (int s = keyHead[key]; s != NONE; s = next[s]) {
                if (count == open.length) {
                    open = Arrays.copyOf(open, count * 2);
                }
                open[count++] = s;
            }
        }
        int[] result = Arrays.copyOf(open, count);
        IntSorter.sort(result, count, (a, b) -> Long.compare(serial[a], serial[b]));
        return result;
    }

    /**
     * The key group of the session in {@code slot}: by the hash of its partition key, which is what the hash
     * exchange before the operator routes rows by.
     */
    int keyGroupOf(int slot) {
        return KeyGroups.keyGroup(keys.groupHash(keyOf[slot]));
    }

    /** The interned key id of the session in {@code slot}: its row in {@link #keyColumns()}. */
    int keyOf(int slot) {
        return keyOf[slot];
    }

    /** The interned partition keys, a row per key id (read-only). */
    Vector[] keyColumns() {
        Vector[] columns = new Vector[keys.keyColumnCount()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = keys.keyColumn(k);
        }
        return columns;
    }

    /** The greatest rowtime of the session in {@code slot}. */
    long last(int slot) {
        return last[slot];
    }

    /**
     * Opens a session of key {@code key} spanning {@code [start, last]} as a checkpoint recorded it and returns its
     * slot. Restored sessions never overlap (those of one key were apart when written), so nothing merges.
     */
    int restore(int key, long start, long last) {
        int slot = open(key, start);
        // The queue entry says start + gap, below the real end, which takeClosed allows: it re-queues.
        this.last[slot] = last;
        return slot;
    }

    /** The number of interned partition keys (live or not), for tests of compaction. */
    int internedKeys() {
        return keys.size();
    }
}
