package io.weir.planner.jobgraph;

import io.weir.planner.physical.CalcPhysicalRel;
import io.weir.planner.physical.ExchangePhysicalRel;
import io.weir.planner.physical.ScanPhysicalRel;
import io.weir.planner.physical.WindowTableFunctionPhysicalRel;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexProgram;

/**
 * Which columns of each scan a physical plan reads, so a source can skip producing the others (see
 * {@code ConnectorTable.createSource(BitSet)}). Walks the plan from the root down, tracking the columns each node's
 * parent reads: a calc reads what its kept projections and its condition refer to, a window table function what
 * its parent reads of its input's columns plus its time column, an exchange what its parent reads plus its keys;
 * every other node is taken to read all of its inputs' columns. A scan reached along several paths reads the union.
 * Built once per plan, before the job graph; not thread-safe.
 */
final class ReadColumns {

    private final Map<ScanPhysicalRel, BitSet> byScan = new IdentityHashMap<>();

    /** The columns of the scans under {@code root}, whose own output columns are all read (by a sink or a client). */
    static ReadColumns of(RelNode root) {
        ReadColumns columns = new ReadColumns();
        columns.visit(root, all(root));
        return columns;
    }

    /** The columns of {@code scan} the plan reads; all of them for a scan this analysis did not see. */
    BitSet of(ScanPhysicalRel scan) {
        BitSet read = byScan.get(scan);
        return read == null ? all(scan) : (BitSet) read.clone();
    }

    private void visit(RelNode rel, BitSet read) {
        if (rel instanceof ScanPhysicalRel scan) {
            byScan.computeIfAbsent(scan, s -> new BitSet()).or(read);
        } else if (rel instanceof CalcPhysicalRel calc) {
            visit(calc.getInput(), calcInputs(calc.getProgram(), read));
        } else if (rel instanceof WindowTableFunctionPhysicalRel window) {
            RelNode input = window.getInput();
            BitSet inputRead = read.get(0, input.getRowType().getFieldCount());
            inputRead.set(window.window().timeColumn());
            visit(input, inputRead);
        } else if (rel instanceof ExchangePhysicalRel exchange) {
            BitSet inputRead = (BitSet) read.clone();
            for (int key : exchange.keys()) {
                inputRead.set(key);
            }
            visit(exchange.getInput(), inputRead);
        } else {
            for (RelNode input : rel.getInputs()) {
                visit(input, all(input));
            }
        }
    }

    private static BitSet calcInputs(RexProgram program, BitSet read) {
        BitSet inputs = new BitSet();
        for (int i = read.nextSetBit(0); i >= 0; i = read.nextSetBit(i + 1)) {
            inputs.or(RelOptUtil.InputFinder.bits(program.expandLocalRef(program.getProjectList().get(i))).toBitSet());
        }
        RexLocalRef condition = program.getCondition();
        if (condition != null) {
            inputs.or(RelOptUtil.InputFinder.bits(program.expandLocalRef(condition)).toBitSet());
        }
        return inputs;
    }

    private static BitSet all(RelNode rel) {
        BitSet all = new BitSet();
        all.set(0, rel.getRowType().getFieldCount());
        return all;
    }
}
