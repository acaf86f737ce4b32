package io.weir.executor.operators;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.hash.GroupHashTable;
import java.util.Arrays;
import java.util.List;

/**
 * Batch INTERSECT and EXCEPT, with or without ALL, of input 0 (left) and input 1 (right). Counts each
 * distinct row per side, comparing whole rows with nulls equal to each other (set semantics, unlike
 * {@code =}), and emits when both inputs have ended:
 * <ul>
 *   <li>INTERSECT ALL: min(left, right) copies; INTERSECT: one copy when both are positive;
 *   <li>EXCEPT ALL: max(left - right, 0) copies; EXCEPT: one copy when left is positive and right is zero.
 * </ul>
 * Rows come out in order of first appearance. Input is treated as insert-only (batch).
 */
public final class SetOpOperator implements Operator {

    private final SetOpKind kind;
    private final boolean all;
    private final List<DataType> types;

    private int chunkSize;
    private GroupHashTable rows;
    /** Occurrences of each distinct row on the left and on the right, by row id. */
    private long[] leftCounts = new long[64];
    private long[] rightCounts = new long[64];
    private int[] hashes = new int[0];
    private int[] ids = new int[0];
    private int endedInputs;

    public SetOpOperator(SetOpKind kind, boolean all, List<DataType> types) {
        this.kind = kind;
        this.all = all;
        this.types = List.copyOf(types);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        rows = new GroupHashTable(types);
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        if (size == 0) {
            return;
        }
        if (hashes.length < size) {
            hashes = new int[size];
            ids = new int[size];
        }
        Vector[] columns = chunk.columns();
        GroupHashTable.hash(columns, size, hashes);
        rows.findOrInsert(columns, hashes, size, ids);
        if (leftCounts.length < rows.size()) {
            int length = Math.max(rows.size(), leftCounts.length * 2);
            leftCounts = Arrays.copyOf(leftCounts, length);
            rightCounts = Arrays.copyOf(rightCounts, length);
        }
        long[] counts = input == 0 ? leftCounts : rightCounts;
        for (int i = 0; i < size; i++) {
            counts[ids[i]]++;
        }
    }

    @Override
    public void endInput(int input, Output out) {
        if (++endedInputs == 2) {
            emitResult(out);
        }
    }

    private void emitResult(Output out) {
        int[] positions = new int[chunkSize];
        int count = 0;
        for (int id = 0; id < rows.size(); id++) {
            for (long copies = copies(leftCounts[id], rightCounts[id]); copies > 0; copies--) {
                positions[count++] = id;
                if (count == chunkSize) {
                    out.emit(gather(positions, count));
                    count = 0;
                }
            }
        }
        if (count > 0) {
            out.emit(gather(positions, count));
        }
    }

    private long copies(long left, long right) {
        return switch (kind) {
            case INTERSECT -> all ? Math.min(left, right) : (left > 0 && right > 0 ? 1 : 0);
            case EXCEPT -> all ? Math.max(left - right, 0) : (left > 0 && right == 0 ? 1 : 0);
        };
    }

    private Chunk gather(int[] positions, int count) {
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = rows.keyColumn(c).gather(positions, count);
        }
        return new Chunk(columns, count);
    }

    @Override
    public void close() {
        rows = null;
    }
}
