package io.weir.planner.logical;

import io.weir.planner.physical.WindowDefinition;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Turns every {@code LogicalAggregate} that groups by a window TVF's {@code window_start} and
 * {@code window_end} into a {@link LogicalWindowAggregate}. The window columns are traced back through
 * column-only projections and through the group keys of earlier window aggregates (cascaded windows).
 */
public final class WindowAggregates {

    /** What a column is, traced back to the window TVF it came from. */
    private enum Role { START, END, TIME }

    private record Origin(Role role, boolean eventTime) {
    }

    private WindowAggregates() {
    }

    public static RelNode mark(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalAggregate aggregate) {
                Aggregate visited = (Aggregate) super.visit(aggregate);
                if (visited.getGroupType() != Aggregate.Group.SIMPLE) {
                    return visited;
                }
                int start = -1;
                int end = -1;
                boolean eventTime = true;
                for (int key : visited.getGroupSet()) {
                    Origin origin = trace(visited.getInput(), key);
                    if (origin != null && origin.role == Role.START) {
                        start = key;
                        eventTime = origin.eventTime;
                    } else if (origin != null && origin.role == Role.END) {
                        end = key;
                    }
                }
                if (start < 0 || end < 0) {
                    return visited;
                }
                return new LogicalWindowAggregate(visited.getCluster(), visited.getTraitSet(), visited.getInput(),
                        visited.getGroupSet(), visited.getAggCallList(), start, end, eventTime);
            }
        });
    }

    private static Origin trace(RelNode rel, int field) {
        if (rel instanceof Calc calc) {
            RexNode expression = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
            return expression instanceof RexInputRef ref ? trace(calc.getInput(), ref.getIndex()) : null;
        }
        if (rel instanceof TableFunctionScan scan) {
            WindowDefinition window = WindowDefinition.of(scan);
            int count = scan.getRowType().getFieldCount();
            if (window == null || field < count - 3) {
                return null;
            }
            Role role = field == count - 3 ? Role.START : field == count - 2 ? Role.END : Role.TIME;
            return new Origin(role, window.eventTime());
        }
        if (rel instanceof Aggregate aggregate && field < aggregate.getGroupCount()) {
            return trace(aggregate.getInput(), aggregate.getGroupSet().nth(field));
        }
        return null;
    }
}
