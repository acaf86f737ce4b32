package io.weir.planner.logical;

import io.weir.executor.api.WeirException;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * Rewrites the logical plan into the shapes the physical rules know, in fixed phases:
 * sub-queries to joins (with Calcite's decorrelation; {@link LiteralAggregates} then drops the
 * {@code LITERAL_AGG} indicators that sub-query removal adds), STDDEV and VARIANCE to sums, filters pushed
 * into joins (so {@code FROM a, b WHERE a.x = b.y} becomes an equi-join), {@code UNION} to {@code UNION ALL}
 * plus an aggregate, a filtered {@code ROW_NUMBER()} to a Top-N rank ({@link TopNRanks}), then filters and
 * projections fused into calcs.
 */
public final class LogicalOptimizer {

    private static final List<RelOptRule> SUB_QUERIES = List.of(
            CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

    /**
     * STDDEV and VARIANCE become SUM and COUNT of the argument and of its square, as Flink plans them (same
     * result types: over an integer column they truncate). AVG keeps its own runtime aggregate.
     */
    private static final List<RelOptRule> REDUCE_AGGREGATES = List.of(AggregateReduceFunctionsRule.Config.DEFAULT
            .withFunctionsToReduce(EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP,
                    SqlKind.VAR_SAMP))
            .toRule());

    private static final List<RelOptRule> SIMPLIFY = List.of(
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            CoreRules.FILTER_MERGE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.UNION_TO_DISTINCT);

    private static final List<RelOptRule> TO_CALC = List.of(
            CoreRules.FILTER_TO_CALC,
            CoreRules.PROJECT_TO_CALC,
            CoreRules.CALC_MERGE,
            CoreRules.CALC_REMOVE);

    private LogicalOptimizer() {
    }

    public static RelNode optimize(RelNode logical) {
        RelNode rel = run(logical, SUB_QUERIES);
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
        rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
        rejectCorrelates(rel);
        rel = LiteralAggregates.expand(rel);
        rel = run(rel, REDUCE_AGGREGATES);
        rel = run(rel, SIMPLIFY);
        rel = TopNRanks.rewrite(rel);
        return TopNRanks.pruneRowNumbers(run(rel, TO_CALC));
    }

    private static RelNode run(RelNode rel, List<RelOptRule> rules) {
        HepProgramBuilder builder = HepProgram.builder().addMatchOrder(HepMatchOrder.BOTTOM_UP);
        builder.addRuleCollection(rules);
        HepPlanner planner = new HepPlanner(builder.build());
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static void rejectCorrelates(RelNode rel) {
        rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalCorrelate correlate) {
                throw unsupported(correlate);
            }

            @Override
            public RelNode visit(RelNode other) {
                if (other instanceof Correlate c) {
                    throw unsupported(c);
                }
                return super.visit(other);
            }
        });
    }

    private static WeirException unsupported(Correlate correlate) {
        return WeirException.plan("This correlated sub-query cannot be turned into a join; "
                + "rewrite it as a join or an uncorrelated sub-query");
    }
}
