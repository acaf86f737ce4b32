package io.weir.planner;

import org.junit.jupiter.api.Test;

class WindowExplorationTest {
    @Test
    void explore() {
        try (PlannerFixture f = new PlannerFixture()) {
            f.plan("CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP(3), "
                    + "WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
            for (String q : new String[] {
                "EXPLAIN SELECT window_start, window_end, auction, COUNT(*) FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, auction",
                "EXPLAIN SELECT * FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))",
                "EXPLAIN SELECT window_start, bidder, COUNT(*) FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(date_time), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, bidder",
            }) {
                try {
                    PlanningSession session = new PlanningSession(f.planner().catalog());
                    var validator = session.newValidator();
                    var node = session.validate(validator, f.planner().parse(q.substring(8)).get(0));
                    var root = session.toRel(validator, node);
                    System.out.println(org.apache.calcite.plan.RelOptUtil.toString(root.rel));
                    System.out.println(org.apache.calcite.plan.RelOptUtil.toString(
                            io.weir.planner.logical.LogicalOptimizer.optimize(root.project())));
                } catch (Exception e) {
                    System.out.println("FAILED " + q + "\n" + e);
                    e.printStackTrace(System.out);
                }
            }
        }
    }
}
