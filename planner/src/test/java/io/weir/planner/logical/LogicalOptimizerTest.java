package io.weir.planner.logical;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.planner.validate.WeirTypeSystem;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

class LogicalOptimizerTest {

    @Test
    void whenQueryAsksForStddevAndVariance_thenPlanUsesOnlySumsAndCounts() {
        RelBuilder b = RelBuilder.create(Frameworks.newConfigBuilder().typeSystem(WeirTypeSystem.INSTANCE)
                .defaultSchema(Frameworks.createRootSchema(true)).build());
        RelNode plan = b.values(new String[] {"k", "x"}, 1, 1.5, 1, 2.5, 2, 4.0)
                .aggregate(b.groupKey("k"),
                        b.aggregateCall(SqlStdOperatorTable.STDDEV_POP, b.field("x")),
                        b.aggregateCall(SqlStdOperatorTable.STDDEV_SAMP, b.field("x")),
                        b.aggregateCall(SqlStdOperatorTable.VAR_POP, b.field("x")),
                        b.aggregateCall(SqlStdOperatorTable.VAR_SAMP, b.field("x")),
                        b.avg(b.field("x")))
                .build();

        String optimized = RelOptUtil.toString(LogicalOptimizer.optimize(plan));

        assertThat(optimized).doesNotContain("STDDEV").doesNotContain("VAR_").contains("SUM(").contains("COUNT(")
                .as("AVG keeps its runtime aggregate").contains("AVG(");
    }
}
