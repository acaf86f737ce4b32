package io.weir.server;

import io.weir.planner.StatementResult;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * Internal seam: plans a statement before the planner does. The server's own hook plans nothing; tests use it
 * to run jobs built by hand (unbounded test sources) through the real HTTP paths.
 */
@FunctionalInterface
interface PlanHook {

    PlanHook NONE = (statement, properties) -> null;

    /** The result for {@code statement}, or null to let the planner plan it. */
    StatementResult plan(SqlNode statement, Map<String, String> properties);
}
