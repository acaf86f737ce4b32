package io.weir.planner.functions;

import io.weir.planner.functions.WindowTableFunction.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/** The window table functions and {@code PROCTIME()}, which replace Calcite's functions of the same names. */
public final class WindowFunctions {

    public static final WindowTableFunction TUMBLE =
            new WindowTableFunction(Kind.TUMBLE, List.of("DATA", "TIMECOL", "SIZE", "OFFSET"), 3);
    public static final WindowTableFunction HOP =
            new WindowTableFunction(Kind.HOP, List.of("DATA", "TIMECOL", "SLIDE", "SIZE", "OFFSET"), 4);
    public static final WindowTableFunction CUMULATE =
            new WindowTableFunction(Kind.CUMULATE, List.of("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET"), 4);
    public static final WindowTableFunction SESSION =
            new WindowTableFunction(Kind.SESSION, List.of("DATA", "TIMECOL", "GAP"), 3);

    private static final List<SqlOperator> OWN = List.of(TUMBLE, HOP, CUMULATE, SESSION, ProctimeFunction.INSTANCE);
    private static final Set<String> NAMES = Set.of("TUMBLE", "HOP", "CUMULATE", "SESSION", "PROCTIME");

    private WindowFunctions() {
    }

    /**
     * Our functions, then {@code rest} without its own functions of the same names: the validator resolves a
     * function call only when exactly one operator matches, so Calcite's TUMBLE must not stand beside ours.
     */
    public static SqlOperatorTable over(SqlOperatorTable rest) {
        return SqlOperatorTables.chain(SqlOperatorTables.of(OWN), new Shadowed(rest));
    }

    /** {@code rest} with the names of our functions hidden. */
    private record Shadowed(SqlOperatorTable rest) implements SqlOperatorTable {
        @Override
        public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
            if (opName.isSimple() && NAMES.contains(opName.getSimple().toUpperCase(Locale.ROOT))) {
                return;
            }
            rest.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            List<SqlOperator> operators = new ArrayList<>();
            for (SqlOperator op : rest.getOperatorList()) {
                if (!NAMES.contains(op.getName().toUpperCase(Locale.ROOT))) {
                    operators.add(op);
                }
            }
            return operators;
        }
    }
}
