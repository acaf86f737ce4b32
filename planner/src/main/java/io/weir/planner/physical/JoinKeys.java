package io.weir.planner.physical;

import io.weir.executor.data.DataType;
import io.weir.planner.codegen.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * A join condition split into hashable key pairs and the rest.
 *
 * <p>A pair {@code left.a = right.b} is a hash key only when both columns have the same runtime
 * representation (same physical vector type and decimal scale), because the hash join compares raw vector
 * values; any other equality stays in the residual condition, evaluated on candidate pairs.
 *
 * @param residual the remaining condition over the left columns followed by the right ones, or null
 */
public record JoinKeys(int[] leftKeys, int[] rightKeys, boolean[] nullSafe, RexNode residual) {

    public boolean hasKeys() {
        return leftKeys.length > 0;
    }

    public static JoinKeys of(Join join) {
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> rest = new ArrayList<>();
        RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(), leftKeys, rightKeys,
                filterNulls, rest);

        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        int leftCount = join.getLeft().getRowType().getFieldCount();
        List<DataType> leftTypes = DataTypes.toDataTypes(join.getLeft().getRowType());
        List<DataType> rightTypes = DataTypes.toDataTypes(join.getRight().getRowType());
        List<int[]> pairs = new ArrayList<>();
        List<Boolean> safe = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            int l = leftKeys.get(i);
            int r = rightKeys.get(i);
            if (sameRepresentation(leftTypes.get(l), rightTypes.get(r))) {
                pairs.add(new int[] {l, r});
                safe.add(!filterNulls.get(i));
            } else {
                var op = filterNulls.get(i) ? SqlStdOperatorTable.EQUALS : SqlStdOperatorTable.IS_NOT_DISTINCT_FROM;
                rest.add(rexBuilder.makeCall(op,
                        rexBuilder.makeInputRef(join.getLeft().getRowType().getFieldList().get(l).getType(), l),
                        rexBuilder.makeInputRef(join.getRight().getRowType().getFieldList().get(r).getType(),
                                leftCount + r)));
            }
        }
        int[] lk = new int[pairs.size()];
        int[] rk = new int[pairs.size()];
        boolean[] ns = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            lk[i] = pairs.get(i)[0];
            rk[i] = pairs.get(i)[1];
            ns[i] = safe.get(i);
        }
        RexNode residual = RexUtil.composeConjunction(rexBuilder, rest, true);
        return new JoinKeys(lk, rk, ns, residual == null || residual.isAlwaysTrue() ? null : residual);
    }

    private static boolean sameRepresentation(DataType a, DataType b) {
        return a.physical() == b.physical() && a.decimalScale() == b.decimalScale()
                && a.kind().isTemporal() == b.kind().isTemporal();
    }
}
