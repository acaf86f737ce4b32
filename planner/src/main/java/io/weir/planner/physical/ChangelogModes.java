package io.weir.planner.physical;

import io.weir.executor.api.WeirException;
import io.weir.planner.catalog.PhysicalTable;
import io.weir.planner.catalog.TableDefinition;
import io.weir.planner.logical.LogicalRank;
import io.weir.planner.logical.LogicalWindowAggregate;
import java.util.function.Predicate;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.Union;

/**
 * The changelog mode of each node of a streaming plan: insert-only, or updating ({@code +I}, {@code -U}, {@code +U}
 * rows). A GROUP BY that is not a window aggregate produces updates (its result for a group changes as rows
 * arrive); projections, filters and UNION ALL pass them through; a GROUP BY reads them too (taking retracted rows
 * back out, for the functions that can: {@link #checkRetractable}); every other operator reads only insert-only
 * input, and the plan is rejected at submit with a message naming what cannot consume the updates. A continuous
 * SELECT's result takes updates; an INSERT's table must say that its sink applies them.
 */
public final class ChangelogModes {

    private ChangelogModes() {
    }

    /**
     * @param acceptsUpdates whether the sink of a table applies updating rows (rather than only inserts)
     * @throws WeirException of kind PLAN when a node cannot read the updating result of its input
     */
    public static void check(RelNode logical, Predicate<TableDefinition> acceptsUpdates) {
        mode(logical, acceptsUpdates);
    }

    /** What a node emits. */
    private enum Mode {
        INSERT_ONLY,
        UPDATES,
        /**
         * Updates of which a filter may have dropped one half of a pair (a {@code -U} whose {@code +U} no longer
         * passes): a sink that skips {@code -U} and upserts {@code +U} would keep a row that should be gone.
         */
        FILTERED_UPDATES
    }

    /** What {@code rel} emits; rejects it when it reads updates it cannot consume. */
    private static Mode mode(RelNode rel, Predicate<TableDefinition> acceptsUpdates) {
        Mode input = Mode.INSERT_ONLY;
        for (RelNode child : rel.getInputs()) {
            Mode mode = mode(child, acceptsUpdates);
            input = mode.compareTo(input) > 0 ? mode : input;
        }
        if (rel instanceof LogicalRank) {
            if (input != Mode.INSERT_ONLY) {
                throw cannotRead("A Top-N (ROW_NUMBER() OVER ... filtered to the first rows)");
            }
            // Rows enter and leave the top N (or are replaced) as later rows arrive.
            return Mode.UPDATES;
        }
        if (rel instanceof Aggregate aggregate && !(rel instanceof LogicalWindowAggregate)) {
            if (input != Mode.INSERT_ONLY) {
                // A deterministic filter drops both halves of a retracted row alike, so filtered updates still
                // retract exactly what was added; a group left without rows is deleted, so even DISTINCT updates.
                checkRetractable(aggregate);
                return Mode.UPDATES;
            }
            // Without aggregate calls (DISTINCT) a group's row never changes once emitted: inserts only.
            return aggregate.getAggCallList().isEmpty() ? Mode.INSERT_ONLY : Mode.UPDATES;
        }
        if (input == Mode.INSERT_ONLY) {
            return input;
        }
        if (rel instanceof Calc calc) {
            return calc.getProgram().getCondition() != null ? Mode.FILTERED_UPDATES : input;
        }
        if (rel instanceof Filter) {
            return Mode.FILTERED_UPDATES;
        }
        if (rel instanceof Project || rel instanceof Union union && union.all) {
            return input;
        }
        if (rel instanceof TableModify modify) {
            checkSink(modify.getTable().unwrap(PhysicalTable.class).definition(), input, acceptsUpdates);
            return Mode.INSERT_ONLY;
        }
        throw cannotRead(describe(rel));
    }

    /** Rejects an aggregate over updates that calls a function which cannot take a retracted row back. */
    private static void checkRetractable(Aggregate aggregate) {
        for (AggregateCall call : aggregate.getAggCallList()) {
            String name = call.getAggregation().getName();
            switch (call.getAggregation().getKind()) {
                case COUNT, SUM, SUM0, AVG, MIN, MAX -> {
                }
                default -> throw notRetractable(name);
            }
        }
    }

    private static WeirException notRetractable(String function) {
        return WeirException.plan(function + " cannot read the updating result of a GROUP BY over an unbounded "
                + "input (its rows are retracted as later rows arrive, and " + function + " cannot take a row "
                + "back); a GROUP BY over it can use COUNT, SUM, AVG, MIN and MAX (DISTINCT too)");
    }

    private static String describe(RelNode rel) {
        if (rel instanceof LogicalWindowAggregate) {
            return "A window aggregate";
        }
        if (rel instanceof TableFunctionScan) {
            return "A window table function (TUMBLE, HOP, CUMULATE, SESSION)";
        }
        if (rel instanceof Join) {
            return "A join";
        }
        if (rel instanceof Sort sort) {
            return sort.getCollation().getFieldCollations().isEmpty() ? "LIMIT" : "ORDER BY";
        }
        if (rel instanceof Intersect || rel instanceof Minus) {
            return "INTERSECT or EXCEPT";
        }
        if (rel instanceof Union) {
            return "UNION (without ALL)";
        }
        return "The operator " + rel.getRelTypeName();
    }

    private static WeirException cannotRead(String what) {
        return WeirException.plan(what + " cannot read the updating result of a GROUP BY over an unbounded input "
                + "(its rows are updated as later rows arrive); group by the window_start and window_end of a "
                + "window TVF (TUMBLE, HOP, CUMULATE, SESSION) to get final, insert-only results instead");
    }

    private static void checkSink(TableDefinition table, Mode input, Predicate<TableDefinition> acceptsUpdates) {
        boolean jdbc = "jdbc".equals(table.options().get("connector"));
        if (acceptsUpdates.test(table)) {
            if (jdbc && input == Mode.FILTERED_UPDATES) {
                throw WeirException.plan("Table '" + table.name() + "' upserts by its PRIMARY KEY, so it cannot take "
                        + "a filtered (HAVING or WHERE) updating result of a GROUP BY yet: a group that stops passing "
                        + "the filter would keep its old row; write the unfiltered result and filter when reading");
            }
            return;
        }
        String connector = table.isManaged() ? "a managed table" : "connector '" + table.options().get("connector")
                + "'";
        if (jdbc && table.primaryKey().isEmpty()) {
            throw WeirException.plan("Table '" + table.name() + "' has no PRIMARY KEY, so it cannot take the updating "
                    + "result of a GROUP BY over an unbounded input: declare PRIMARY KEY (...) NOT ENFORCED on the "
                    + "GROUP BY columns, so that each update replaces its group's row");
        }
        throw WeirException.plan("Table '" + table.name() + "' (" + connector + ") accepts only inserted rows, but "
                + "the query writes the updating result of a GROUP BY over an unbounded input: write it to a jdbc "
                + "table with a PRIMARY KEY (...) NOT ENFORCED (or a blackhole or print table), or group by the "
                + "window_start and window_end of a window TVF to get final, insert-only results");
    }
}
