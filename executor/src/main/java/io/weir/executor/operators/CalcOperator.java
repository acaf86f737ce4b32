package io.weir.executor.operators;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;

/**
 * Filter then project (a WHERE and a SELECT list), stateless. Rows where the filter is TRUE are kept (FALSE
 * and UNKNOWN drop the row); the projections are then evaluated over the kept rows only, so an expression
 * that would fail on a filtered-out row (a division by zero the WHERE guards against) is never evaluated
 * there. Row kinds are kept; a chunk with no rows left is not emitted.
 */
public final class CalcOperator implements Operator {

    private final ScalarEvaluator filter;
    private final ScalarEvaluator[] projections;

    /**
     * @param filter      BOOLEAN condition, or null to keep every row
     * @param projections output columns, or null to pass the input columns through
     */
    public CalcOperator(ScalarEvaluator filter, ScalarEvaluator[] projections) {
        this.filter = filter;
        this.projections = projections == null ? null : projections.clone();
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        Chunk kept = filter == null ? chunk : filter(chunk);
        if (kept.isEmpty()) {
            return;
        }
        out.emit(projections == null ? kept : project(kept));
    }

    private Chunk filter(Chunk chunk) {
        BooleanVector condition = (BooleanVector) filter.evaluate(chunk);
        boolean[] values = condition.values();
        boolean[] nulls = condition.mayHaveNulls() ? condition.nullMask() : null;
        int size = chunk.size();
        int[] positions = new int[size];
        int count = 0;
        for (int r = 0; r < size; r++) {
            if (values[r] && (nulls == null || !nulls[r])) {
                positions[count++] = r;
            }
        }
        return chunk.select(positions, count);
    }

    private Chunk project(Chunk chunk) {
        Vector[] columns = new Vector[projections.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = projections[i].evaluate(chunk);
        }
        return chunk.withColumns(columns);
    }
}
