package io.weir.planner.jobgraph;

import io.weir.executor.data.DataType;
import io.weir.executor.operators.join.JoinResidual;
import io.weir.planner.codegen.ExpressionCompiler;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Compiles a join's condition (beyond its equal keys) over only the columns of left ++ right it reads, so that a join
 * tests candidate pairs on those and gathers whole rows for the pairs it keeps alone.
 */
final class JoinConditions {

    private JoinConditions() {
    }

    /** {@code condition} over rows of {@code pairTypes} (left ++ right), or null when there is none. */
    static JoinResidual compile(ExpressionCompiler compiler, RexNode condition, List<DataType> pairTypes) {
        if (condition == null || condition.isAlwaysTrue()) {
            return null;
        }
        int[] reads = RelOptUtil.InputFinder.bits(condition).toArray();
        // A constant condition reads nothing: compiled over the whole row it still sees how many pairs there are.
        if (reads.length == 0 || reads.length == pairTypes.size()) {
            return JoinResidual.overPairRow(compiler.compile(condition, pairTypes));
        }
        int[] position = new int[pairTypes.size()];
        List<DataType> readTypes = new ArrayList<>();
        for (int i = 0; i < reads.length; i++) {
            position[reads[i]] = i;
            readTypes.add(pairTypes.get(reads[i]));
        }
        RexNode narrowed = condition.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(position[ref.getIndex()], ref.getType());
            }
        });
        return JoinResidual.overColumns(compiler.compile(narrowed, readTypes), reads);
    }
}
