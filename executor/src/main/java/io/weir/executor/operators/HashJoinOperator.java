package io.weir.executor.operators;

import io.weir.executor.api.JoinType;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.join.BuildSide;
import io.weir.executor.operators.join.JoinPairs;
import io.weir.executor.operators.join.JoinResidual;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch equi-join of input 0 (left, probe side) with input 1 (right, build side), every {@link JoinType}.
 *
 * <p>The right input is hashed on its keys as it arrives. Left chunks that arrive before the right input has
 * ended are buffered (the runtime interleaves inputs in arrival order and never blocks on one), then probed
 * when it ends; later left chunks are probed on arrival. Unmatched right rows of RIGHT and FULL joins are
 * emitted once both inputs have ended.
 *
 * <p>Output: left columns ++ right columns (SEMI and ANTI: left columns only). Keys match under SQL
 * equality (a null key matches nothing) except keys marked null-safe ({@code IS NOT DISTINCT FROM}); the
 * residual, evaluated over left ++ right columns, keeps only pairs where it is TRUE. Input is treated as
 * insert-only (batch); output rows are inserts.
 */
public final class HashJoinOperator implements Operator {

    private final JoinType type;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final boolean[] nullSafeKeys;
    private final JoinResidual residual;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;

    private int chunkSize;
    private BuildSide build;
    private JoinPairs pairs;
    /** Left chunks that arrived before the build side was complete. */
    private List<Chunk> pendingLeft = new ArrayList<>();
    private boolean leftEnded;
    private int[] firstMatch = new int[0];

    /**
     * @param leftKeys     key columns of the left input
     * @param rightKeys    key columns of the right input, of the same physical types, in the same order
     * @param nullSafeKeys per key: true when null equals null (IS NOT DISTINCT FROM)
     * @param residual     extra condition over the pair of rows, or null
     */
    public HashJoinOperator(JoinType type, int[] leftKeys, int[] rightKeys, boolean[] nullSafeKeys,
            JoinResidual residual, List<DataType> leftTypes, List<DataType> rightTypes) {
        if (leftKeys.length != rightKeys.length || nullSafeKeys.length != leftKeys.length) {
            throw new IllegalArgumentException("Left keys, right keys and null-safe flags must pair up");
        }
        this.type = type;
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.nullSafeKeys = nullSafeKeys.clone();
        this.residual = residual;
        this.leftTypes = List.copyOf(leftTypes);
        this.rightTypes = List.copyOf(rightTypes);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        build = new BuildSide(rightKeys, nullSafeKeys, rightTypes);
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (chunk.isEmpty()) {
            return;
        }
        if (input == 1) {
            build.add(chunk);
        } else if (pairs == null) {
            pendingLeft.add(chunk);
        } else {
            probe(chunk, out);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        if (input == 1) {
            pairs = new JoinPairs(type, residual, leftTypes, build.rows(), chunkSize);
            for (Chunk chunk : pendingLeft) {
                probe(chunk, out);
            }
            pendingLeft = null;
        } else {
            leftEnded = true;
        }
        if (leftEnded && pairs != null) {
            pairs.emitUnmatchedRight(out);
        }
    }

    private void probe(Chunk chunk, Output out) {
        int size = chunk.size();
        if (firstMatch.length < size) {
            firstMatch = new int[size];
        }
        build.probe(chunk, leftKeys, firstMatch);
        boolean firstOnly = pairs.firstCandidateDecides();
        pairs.startLeft(chunk);
        for (int row = 0; row < size; row++) {
            for (int match = firstMatch[row]; match >= 0; match = build.nextMatch(match)) {
                pairs.add(row, match, out);
                if (firstOnly) {
                    break;
                }
            }
        }
        pairs.finishLeft(out);
    }

    @Override
    public void close() {
        build = null;
        pairs = null;
        pendingLeft = null;
    }
}
