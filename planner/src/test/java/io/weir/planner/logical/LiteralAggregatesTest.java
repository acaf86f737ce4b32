package io.weir.planner.logical;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.planner.validate.WeirTypeSystem;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

class LiteralAggregatesTest {

    private static RelBuilder builder() {
        return RelBuilder.create(Frameworks.newConfigBuilder().typeSystem(WeirTypeSystem.INSTANCE)
                .defaultSchema(Frameworks.createRootSchema(true)).build());
    }

    @Test
    void whenAggregateHasLiteralIndicator_thenItBecomesAProjectedConstantOverTheRemainingAggregate() {
        RelBuilder b = builder();
        RelNode plan = b.values(new String[] {"k", "v"}, 1, 10, 1, 20, 2, 30)
                .aggregate(b.groupKey("k"), b.sum(b.field("v")).as("total"), b.literalAgg(true).as("found"))
                .build();

        RelNode expanded = LiteralAggregates.expand(plan);

        assertThat(expanded).isInstanceOf(LogicalProject.class);
        assertThat(expanded.getRowType()).isEqualTo(plan.getRowType());
        assertThat(RelOptUtil.toString(expanded)).contains("LogicalProject(k=[$0], total=[$1], found=[true])");
        LogicalAggregate remaining = (LogicalAggregate) expanded.getInput(0);
        assertThat(remaining.getAggCallList()).singleElement()
                .satisfies(call -> assertThat(call.getAggregation().getName()).isEqualTo("SUM"));
    }

    @Test
    void whenAggregateHasNoLiteralIndicator_thenPlanIsUnchanged() {
        RelBuilder b = builder();
        RelNode plan = b.values(new String[] {"k", "v"}, 1, 10).aggregate(b.groupKey("k"), b.count()).build();

        assertThat(LiteralAggregates.expand(plan)).isSameAs(plan);
    }
}
