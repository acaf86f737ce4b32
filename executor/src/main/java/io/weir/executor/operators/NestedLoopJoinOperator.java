package io.weir.executor.operators;

import io.weir.executor.api.JoinType;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.join.JoinPairs;
import io.weir.executor.operators.join.JoinResidual;
import io.weir.executor.operators.store.RowStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch join of input 0 (left) with input 1 (right) on an arbitrary condition, every {@link JoinType}: the
 * right input is buffered, then every left row is paired with every right row and the condition, evaluated
 * over left ++ right columns a chunk of pairs at a time, keeps the pairs where it is TRUE. Without a condition
 * it is a cross join. Left chunks that arrive before the right input has ended are buffered.
 *
 * <p>Cost is the product of the two inputs: the planner picks it only when there is no equi-join key.
 * Input is treated as insert-only (batch); output rows are inserts.
 */
public final class NestedLoopJoinOperator implements Operator {

    private final JoinType type;
    private final JoinResidual condition;
    private final List<DataType> leftTypes;
    private final List<DataType> rightTypes;

    private int chunkSize;
    private RowStore right;
    private JoinPairs pairs;
    private List<Chunk> pendingLeft = new ArrayList<>();
    private boolean leftEnded;

    /** @param condition over the pair of rows, or null for a cross join */
    public NestedLoopJoinOperator(JoinType type, JoinResidual condition, List<DataType> leftTypes,
            List<DataType> rightTypes) {
        this.type = type;
        this.condition = condition;
        this.leftTypes = List.copyOf(leftTypes);
        this.rightTypes = List.copyOf(rightTypes);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        right = new RowStore(rightTypes);
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (chunk.isEmpty()) {
            return;
        }
        if (input == 1) {
            right.append(chunk);
        } else if (pairs == null) {
            pendingLeft.add(chunk);
        } else {
            probe(chunk, out);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        if (input == 1) {
            pairs = new JoinPairs(type, condition, leftTypes, right, chunkSize);
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
        int rightSize = right.size();
        // Without a condition a SEMI/ANTI row is decided by whether the right side has any row at all.
        int perRow = pairs.firstCandidateDecides() ? Math.min(rightSize, 1) : rightSize;
        pairs.startLeft(chunk);
        for (int row = 0; row < chunk.size(); row++) {
            for (int match = 0; match < perRow; match++) {
                pairs.add(row, match, out);
            }
        }
        pairs.finishLeft(out);
    }

    @Override
    public void close() {
        right = null;
        pairs = null;
        pendingLeft = null;
    }
}
