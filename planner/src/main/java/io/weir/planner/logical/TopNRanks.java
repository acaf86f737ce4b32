package io.weir.planner.logical;

import io.weir.executor.api.WeirException;
import io.weir.planner.validate.TimeIndicatorType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Finds Flink's Top-N pattern, a filter {@code rn <= N} (or {@code rn < N}, {@code rn = 1}) over a projection that
 * computes {@code rn} as {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY sort keys)}, and makes it a
 * {@link LogicalRank} under the projection (the filter's other conditions stay above it). {@link #pruneRowNumbers}
 * later drops the row number from a rank whose reader does not use it, which is what lets the rank emit a row's
 * replacement without renumbering the others. Any other OVER stays in the plan and is rejected with a message.
 */
public final class TopNRanks {

    private TopNRanks() {
    }

    /** Replaces each filtered ROW_NUMBER projection by a rank; runs on logical filters and projections. */
    public static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalFilter filter) {
                LogicalFilter visited = (LogicalFilter) super.visit(filter);
                if (visited.getInput() instanceof LogicalProject project) {
                    RelNode rank = rank(visited, project);
                    if (rank != null) {
                        return rank;
                    }
                }
                return visited;
            }
        });
    }

    private static RelNode rank(LogicalFilter filter, LogicalProject project) {
        int column = rowNumberColumn(project);
        if (column < 0) {
            return null;
        }
        RexBuilder rex = filter.getCluster().getRexBuilder();
        List<RexNode> others = new ArrayList<>();
        long limit = limit(filter, column, others);
        if (limit == Long.MAX_VALUE) {
            return null;
        }
        if (limit > Integer.MAX_VALUE - 8) {
            throw WeirException.plan("A Top-N keeps at most " + (Integer.MAX_VALUE - 8) + " rows per partition");
        }
        RexOver over = (RexOver) project.getProjects().get(column);
        // Keys that are expressions (a projection merged into this one) become columns appended to the input.
        RelNode original = project.getInput();
        List<RexNode> columns = new ArrayList<>();
        for (int i = 0; i < original.getRowType().getFieldCount(); i++) {
            columns.add(rex.makeInputRef(original, i));
        }
        List<Integer> partitionKeys = new ArrayList<>();
        for (RexNode key : over.getWindow().partitionKeys) {
            partitionKeys.add(columnOf(key, columns));
        }
        RelCollation order = order(over, columns);
        RelNode input = columns.size() == original.getRowType().getFieldCount() ? original
                : LogicalProject.create(original, List.of(), columns, (List<String>) null, Set.of());
        int kept = (int) Math.max(limit, 1);
        RelNode rank = new LogicalRank(filter.getCluster(), input.getTraitSet(), input,
                new TopN(partitionKeys, order, kept, newerWinsTies(order, kept, input), true));
        if (limit < 1) {
            // rn <= 0 keeps nothing: an always-false filter says so.
            rank = LogicalFilter.create(rank, rex.makeLiteral(false));
        }
        int rowNumber = input.getRowType().getFieldCount();
        List<RexNode> projects = new ArrayList<>(project.getProjects());
        projects.set(column, rex.makeCast(over.getType(), rex.makeInputRef(rank, rowNumber), true, false));
        RelNode projected = LogicalProject.create(rank, project.getHints(), projects, project.getRowType(),
                project.getVariablesSet());
        return others.isEmpty() ? projected : LogicalFilter.create(projected, RexUtil.composeConjunction(rex, others));
    }

    /**
     * The smallest upper bound the filter's conjuncts put on column {@code column} ({@link Long#MAX_VALUE} when
     * none does); the other conjuncts go to {@code others}.
     */
    private static long limit(LogicalFilter filter, int column, List<RexNode> others) {
        long limit = Long.MAX_VALUE;
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            long bound = upperBound(conjunct, column);
            if (bound == Long.MIN_VALUE) {
                others.add(conjunct);
            } else {
                limit = Math.min(limit, bound);
            }
        }
        return limit;
    }

    private static RelCollation order(RexOver over, List<RexNode> columns) {
        List<RelFieldCollation> fields = new ArrayList<>();
        for (RexFieldCollation key : over.getWindow().orderKeys) {
            fields.add(new RelFieldCollation(columnOf(key.left, columns), key.getDirection(), key.getNullDirection()));
        }
        if (fields.isEmpty()) {
            throw WeirException.plan("ROW_NUMBER() OVER (...) needs an ORDER BY to say which rows of a partition "
                    + "come first");
        }
        return RelCollations.of(fields);
    }

    /** The one ROW_NUMBER() column of the projection when it is its only OVER, else -1. */
    private static int rowNumberColumn(LogicalProject project) {
        int found = -1;
        List<RexNode> projects = project.getProjects();
        for (int i = 0; i < projects.size(); i++) {
            RexNode node = projects.get(i);
            if (node instanceof RexOver over && over.getOperator().getKind() == SqlKind.ROW_NUMBER && found < 0) {
                found = i;
            } else if (RexOver.containsOver(node)) {
                return -1;
            }
        }
        return found;
    }

    /** N when {@code conjunct} bounds column {@code column} to {@code [1, N]}, else {@link Long#MIN_VALUE}. */
    private static long upperBound(RexNode conjunct, int column) {
        if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
            return Long.MIN_VALUE;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (isColumn(right, column) && literal(left) != null) {
            kind = kind.reverse();
            RexNode swap = left;
            left = right;
            right = swap;
        }
        Long value = literal(right);
        if (!isColumn(left, column) || value == null) {
            return Long.MIN_VALUE;
        }
        return switch (kind) {
            case LESS_THAN_OR_EQUAL -> value;
            case LESS_THAN -> value - 1;
            case EQUALS -> value == 1 ? 1 : Long.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private static boolean isColumn(RexNode node, int column) {
        RexNode stripped = RexUtil.removeCast(node);
        return stripped instanceof RexInputRef ref && ref.getIndex() == column;
    }

    private static Long literal(RexNode node) {
        RexNode stripped = RexUtil.removeCast(node);
        if (stripped instanceof RexLiteral literal && literal.getValueAs(BigDecimal.class) != null) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            return value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0 ? value.longValue() : null;
        }
        return null;
    }

    /** The column of {@code key}: an input column, or an expression appended to {@code columns} (once). */
    private static int columnOf(RexNode key, List<RexNode> columns) {
        if (key instanceof RexInputRef ref) {
            return ref.getIndex();
        }
        int index = columns.indexOf(key);
        if (index < 0) {
            columns.add(key);
            index = columns.size() - 1;
        }
        return index;
    }

    /**
     * Deduplication keeping the last row, as Flink plans it: one row per partition, ordered by a single time
     * attribute descending; a later row of equal time replaces the kept one.
     */
    private static boolean newerWinsTies(RelCollation order, int limit, RelNode input) {
        List<RelFieldCollation> fields = order.getFieldCollations();
        return limit == 1 && fields.size() == 1 && fields.get(0).getDirection().isDescending()
                && TimeIndicatorType.isTimeAttribute(input.getRowType().getFieldList()
                        .get(fields.get(0).getFieldIndex()).getType());
    }

    /**
     * Drops the row number from each rank whose only reader is a calc that does not use it: that reader's columns
     * are then the rank's input columns, and the rank emits a replaced row without renumbering the rows after it.
     */
    public static RelNode pruneRowNumbers(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalCalc original) {
                RelNode visited = super.visit(original);
                if (visited instanceof LogicalCalc calc && calc.getInput() instanceof LogicalRank rank
                        && rank.topN().outputRowNumber() && !usesLast(calc.getProgram(), rank)) {
                    RelNode pruned = new LogicalRank(rank.getCluster(), rank.getTraitSet(), rank.getInput(),
                            rank.topN().withoutRowNumber());
                    RexProgram program = calc.getProgram();
                    List<RexNode> projects = new ArrayList<>();
                    program.getProjectList().forEach(p -> projects.add(program.expandLocalRef(p)));
                    RexNode condition = program.getCondition() == null ? null
                            : program.expandLocalRef(program.getCondition());
                    RexProgram rebuilt = RexProgram.create(pruned.getRowType(), projects, condition,
                            calc.getRowType(), calc.getCluster().getRexBuilder());
                    return LogicalCalc.create(pruned, rebuilt);
                }
                return visited;
            }
        });
    }

    private static boolean usesLast(RexProgram program, LogicalRank rank) {
        int last = rank.getRowType().getFieldCount() - 1;
        // The program's expression list starts with every input column; only what the outputs and the condition
        // refer to is used.
        ImmutableBitSet.Builder used = ImmutableBitSet.builder();
        program.getProjectList().forEach(p -> used.addAll(RelOptUtil.InputFinder.bits(program.expandLocalRef(p))));
        if (program.getCondition() != null) {
            used.addAll(RelOptUtil.InputFinder.bits(program.expandLocalRef(program.getCondition())));
        }
        return used.build().get(last);
    }
}
