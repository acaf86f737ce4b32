package io.weir.executor.operators.aggregate;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.RowKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How many input rows each group of a GROUP BY over an updating input holds, and the split of a chunk into the rows
 * that fold in ({@code +I}, {@code +U}) and those taken back ({@code -U}, {@code -D}). A group is live while it holds
 * rows; one left with none is deleted from the result. Owned by one operator, on its task thread.
 */
final class GroupRowCounts {

    private static final byte UPDATE_BEFORE = RowKind.UPDATE_BEFORE.code();
    private static final byte DELETE = RowKind.DELETE.code();

    /** By group id; 0 for an emptied (or never filled) group. */
    private long[] counts = new long[0];
    /** Per-chunk scratch, grown to the largest chunk: rows that fold in, rows taken back. */
    private int[] addRows = new int[0];
    private int[] retractRows = new int[0];
    private int retractCount;

    void ensureGroups(int groupCount) {
        counts = GroupArrays.ensure(counts, groupCount);
    }

    boolean isLive(int group) {
        return counts[group] > 0;
    }

    /** Marks a group that was left without rows as empty (a negative count would mean a retraction came first). */
    void clear(int group) {
        counts[group] = 0;
    }

    /**
     * Lists the rows of {@code chunk} that fold in ({@link #addRows}) and those taken back ({@link #retractRows}),
     * and counts them into their groups ({@code groupIds}, by row); returns how many fold in.
     */
    int split(Chunk chunk, int[] groupIds) {
        int size = chunk.size();
        if (addRows.length < size) {
            addRows = new int[size];
            retractRows = new int[size];
        }
        byte[] kinds = chunk.rowKinds();
        int adds = 0;
        int retracts = 0;
        for (int r = 0; r < size; r++) {
            int group = groupIds[r];
            if (kinds != null && (kinds[r] == UPDATE_BEFORE || kinds[r] == DELETE)) {
                retractRows[retracts++] = r;
                counts[group]--;
            } else {
                addRows[adds++] = r;
                counts[group]++;
            }
        }
        retractCount = retracts;
        return adds;
    }

    /** The rows of the last {@link #split} chunk that fold in. */
    int[] addRows() {
        return addRows;
    }

    /** The rows of the last {@link #split} chunk taken back: {@link #retractCount} of them. */
    int[] retractRows() {
        return retractRows;
    }

    int retractCount() {
        return retractCount;
    }

    void write(DataOutput out, int[] groups, int count) throws IOException {
        GroupStateCodec.writeLongs(out, counts, groups, count);
    }

    /** Reads what {@link #write} wrote into groups {@code groups[0..count)}; there are {@code groupCount} now. */
    void read(DataInput in, int[] groups, int count, int groupCount) throws IOException {
        ensureGroups(groupCount);
        GroupStateCodec.readLongs(in, counts, groups, count);
    }
}
