package io.weir.planner.physical;

import io.weir.executor.api.WeirException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rex.RexOver;

/** Names what a plan uses that Weir cannot run yet, before the planner would fail with a generic message. */
final class UnsupportedFeatures {

    private UnsupportedFeatures() {
    }

    static void check(RelNode logical) {
        logical.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalAggregate aggregate) {
                if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
                    throw WeirException.plan("GROUPING SETS, ROLLUP and CUBE are not supported yet");
                }
                return super.visit(aggregate);
            }

            @Override
            public RelNode visit(LogicalCalc calc) {
                if (RexOver.containsOver(calc.getProgram())) {
                    throw WeirException.plan("OVER windows are not supported yet");
                }
                return super.visit(calc);
            }

            @Override
            public RelNode visit(RelNode other) {
                if (other instanceof Window) {
                    throw WeirException.plan("OVER windows are not supported yet");
                }
                if (other instanceof TableFunctionScan) {
                    throw WeirException.plan("Table functions (such as window TVFs) are not supported yet");
                }
                if (other instanceof LogicalTableModify modify
                        && modify.getOperation() != LogicalTableModify.Operation.INSERT) {
                    throw WeirException.plan(modify.getOperation() + " is not supported; only INSERT INTO");
                }
                return super.visit(other);
            }
        });
    }
}
