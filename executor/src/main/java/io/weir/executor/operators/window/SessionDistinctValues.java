package io.weir.executor.operators.window;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.checkpoint.ValueCodec;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The values a DISTINCT aggregate call has already counted, per open session, so that a row counts only when its
 * value is new to its session and two sessions can merge: the values of the absorbed session that the survivor
 * lacks are then counted once more, for the survivor.
 *
 * <p>Values live in one hash table keyed by (session serial, value): serials are never re-used, so entries of
 * closed or absorbed sessions can never be mistaken for a new session's. Each session's entries are chained
 * through {@code nextEntry} from its slot. Entries of sessions that are gone stay in the table until they
 * outnumber the live ones; then the table is rebuilt with the live entries only.
 */
final class SessionDistinctValues {

    private static final int NONE = -1;
    private static final int MIN_GARBAGE_TO_COMPACT = 1024;

    private final int argIndex;
    private final int filterIndex;
    private final List<DataType> keyTypes;
    private GroupHashTable seen;
    /** Next entry of the same session, by entry id. */
    private int[] nextEntry = new int[64];
    /** First entry of each slot's session, or NONE; and how many it has. */
    private int[] head = new int[16];
    private int[] counts = new int[16];
    private int live;
    /** Rows of the current chunk that count (see {@link #keepNew}). */
    private int[] kept = new int[0];
    private int[] hashes = new int[0];
    /** The values {@link #moveNew} added to the target session. */
    private Vector moved;

    SessionDistinctValues(AggregateCall call) {
        this.argIndex = call.argIndex();
        this.filterIndex = call.filterIndex();
        this.keyTypes = List.of(DataType.BIGINT, call.argType());
        this.seen = new GroupHashTable(keyTypes);
        Arrays.fill(head, NONE);
    }

    /**
     * Picks, among rows {@code selection[0..count)} of {@code chunk} (in session slots {@code slots[row]}), those
     * that pass the FILTER clause, hold a non-null value, and whose value is new to its session, remembering the
     * values. Returns how many; the rows are {@link #kept()}{@code [0..n)}.
     */
    int keepNew(Chunk chunk, int[] slots, int[] selection, int count, Sessions sessions) {
        if (kept.length < count) {
            kept = new int[count];
            hashes = new int[count];
        }
        Vector arg = chunk.column(argIndex);
        BooleanVector filter = filterIndex < 0 ? null : chunk.booleanColumn(filterIndex);
        int candidates = 0;
        for (int i = 0; i < count; i++) {
            int r = selection[i];
            if ((filter == null || filter.isTrue(r)) && !arg.isNull(r)) {
                kept[candidates++] = r;
            }
        }
        if (candidates == 0) {
            return 0;
        }
        LongVector serials = new LongVector(candidates);
        for (int i = 0; i < candidates; i++) {
            serials.set(i, sessions.serial(slots[kept[i]]));
        }
        Vector[] keys = {serials, arg.gather(kept, candidates)};
        GroupHashTable.hash(keys, candidates, hashes);
        int fresh = 0;
        for (int i = 0; i < candidates; i++) {
            if (insert(keys, i, hashes[i], slots[kept[i]])) {
                kept[fresh++] = kept[i];
            }
        }
        return fresh;
    }

    int[] kept() {
        return kept;
    }

    /**
     * Adds the values of session {@code source} that session {@code target} lacks to {@code target}'s set and
     * returns how many there were; they are {@link #moved()}{@code [0..n)}, for the caller to fold into
     * {@code target}'s aggregate.
     */
    int moveNew(int target, int source, Sessions sessions) {
        int count = source < counts.length ? counts[source] : 0;
        if (count == 0) {
            return 0;
        }
        int[] entries = new int[count];
        int n = 0;
        for (int e = head[source]; e != NONE; e = nextEntry[e]) {
            entries[n++] = e;
        }
        LongVector serials = new LongVector(count);
        Arrays.fill(serials.values(), 0, count, sessions.serial(target));
        Vector values = seen.keyColumn(1).gather(entries, count);
        Vector[] keys = {serials, values};
        int[] entryHashes = new int[count];
        GroupHashTable.hash(keys, count, entryHashes);
        int fresh = 0;
        for (int i = 0; i < count; i++) {
            if (insert(keys, i, entryHashes[i], target)) {
                entries[fresh++] = i;
            }
        }
        moved = values.gather(entries, fresh);
        return fresh;
    }

    Vector moved() {
        return moved;
    }

    /** Forgets the values of the session in {@code slot} (closed or absorbed); its entries become garbage. */
    void clear(int slot) {
        if (slot < head.length && head[slot] != NONE) {
            live -= counts[slot];
            counts[slot] = 0;
            head[slot] = NONE;
        }
    }

    /** Rebuilds the table with only the live sessions' values once garbage outnumbers them. */
    void compact(Sessions sessions) {
        int garbage = seen.size() - live;
        if (garbage < MIN_GARBAGE_TO_COMPACT || garbage <= live) {
            return;
        }
        GroupHashTable old = seen;
        int[] oldNext = nextEntry;
        int[] oldHead = head;
        seen = new GroupHashTable(keyTypes, Math.max(16, live));
        nextEntry = new int[Math.max(64, live)];
        head = new int[oldHead.length];
        Arrays.fill(head, NONE);
        counts = new int[oldHead.length];
        live = 0;
        for (int slot = 0; slot < oldHead.length; slot++) {
            int n = 0;
            for (int e = oldHead[slot]; e != NONE; e = oldNext[e]) {
                n++;
            }
            if (n == 0) {
                continue;
            }
            int[] entries = new int[n];
            n = 0;
            for (int e = oldHead[slot]; e != NONE; e = oldNext[e]) {
                entries[n++] = e;
            }
            LongVector serials = new LongVector(n);
            Arrays.fill(serials.values(), 0, n, sessions.serial(slot));
            Vector[] keys = {serials, old.keyColumn(1).gather(entries, n)};
            int[] entryHashes = new int[n];
            GroupHashTable.hash(keys, n, entryHashes);
            for (int i = 0; i < n; i++) {
                insert(keys, i, entryHashes[i], slot);
            }
        }
    }

    /**
     * Writes the values of sessions {@code slots[0..count)} for a checkpoint: how many each has, then all of them
     * as one column. Serials are not written: a restored session gets a new one.
     */
    void write(DataOutput out, int[] slots, int count) throws IOException {
        int total = 0;
        for (int i = 0; i < count; i++) {
            int n = slots[i] < counts.length ? counts[slots[i]] : 0;
            ValueCodec.writeVarInt(out, n);
            total += n;
        }
        int[] entries = new int[total];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (slots[i] < head.length) {
                for (int e = head[slots[i]]; e != NONE; e = nextEntry[e]) {
                    entries[n++] = e;
                }
            }
        }
        ValueCodec.writeColumn(out, seen.keyColumn(1), entries, total);
    }

    /** Reads what {@link #write} wrote as the values of the restored sessions {@code slots[0..count)}. */
    void read(DataInput in, int[] slots, int count, Sessions sessions) throws IOException {
        int[] perSession = new int[count];
        int total = 0;
        for (int i = 0; i < count; i++) {
            perSession[i] = ValueCodec.readVarInt(in);
            total += perSession[i];
        }
        Vector values = ValueCodec.readColumn(in, keyTypes.get(1), total);
        if (total == 0) {
            return;
        }
        LongVector serials = new LongVector(total);
        int[] slotOfValue = new int[total];
        int v = 0;
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < perSession[i]; j++) {
                serials.set(v, sessions.serial(slots[i]));
                slotOfValue[v++] = slots[i];
            }
        }
        Vector[] keys = {serials, values};
        int[] valueHashes = new int[total];
        GroupHashTable.hash(keys, total, valueHashes);
        for (int i = 0; i < total; i++) {
            insert(keys, i, valueHashes[i], slotOfValue[i]);
        }
    }

    /** The number of entries in the table, live or not, for tests of compaction. */
    int entries() {
        return seen.size();
    }

    /** Adds row {@code row} of {@code keys} to the table; true (and chains it to {@code slot}) when it was new. */
    private boolean insert(Vector[] keys, int row, int hash, int slot) {
        int before = seen.size();
        int id = seen.findOrInsert(keys, row, hash);
        if (id != before) {
            return false;
        }
        if (id == nextEntry.length) {
            nextEntry = Arrays.copyOf(nextEntry, id * 2);
        }
        if (slot >= head.length) {
            int length = Math.max(slot + 1, head.length * 2);
            int old = head.length;
            head = Arrays.copyOf(head, length);
            Arrays.fill(head, old, length, NONE);
            counts = Arrays.copyOf(counts, length);
        }
        nextEntry[id] = head[slot];
        head[slot] = id;
        counts[slot]++;
        live++;
        return true;
    }
}
