package io.weir.planner.validate;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.Util;

/**
 * Finds table arguments with set semantics ({@code SESSION(TABLE t PARTITION BY k, ...)}). Calcite converts
 * them into a partitioned input only when sub-queries are expanded during conversion; otherwise the input is lost
 * from the plan. Statements without them keep the default (sub-queries left to the decorrelation rules).
 */
public final class SetSemanticsTables {

    private SetSemanticsTables() {
    }

    public static boolean appearIn(SqlNode node) {
        try {
            node.accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlCall call) {
                    if (call.getKind() == SqlKind.SET_SEMANTICS_TABLE) {
                        throw Util.FoundOne.NULL;
                    }
                    return super.visit(call);
                }
            });
            return false;
        } catch (Util.FoundOne found) {
            return true;
        }
    }
}
