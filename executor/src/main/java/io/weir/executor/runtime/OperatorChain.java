package io.weir.executor.runtime;

import io.weir.executor.api.Counter;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.graph.JobVertex;

/**
 * The operator instances of one subtask of a {@link ChainSpec}, wired together: member {@code k} emits into
 * {@link #outputOf(int) outputOf(k)}, which calls member {@code k + 1} directly, and the last member emits into
 * the {@link TailOutput}. Member 0 of a source chain is the source, which has no operator here.
 * Used by the task thread only.
 */
final class OperatorChain {

    private final ChainSpec spec;
    /** One per member, created by {@link #createOperators()}; null for a source head and for any not created yet. */
    private final Operator[] operators;
    private final Output[] outputs;
    private final TailOutput tail;
    private final Counter[] recordsOut;

    OperatorChain(ChainSpec spec, TailOutput tail, Counter[] recordsOut) {
        this.spec = spec;
        this.tail = tail;
        this.recordsOut = recordsOut.clone();
        this.operators = new Operator[spec.length()];
        this.outputs = new Output[spec.length()];
    }

    /** Creates every operator from its factory and wires the outputs; on failure, the ones created are kept for {@link #closeAll}. */
    void createOperators() {
        for (int k = 0; k < operators.length; k++) {
            JobVertex vertex = spec.vertices().get(k);
            if (!vertex.isSource()) {
                operators[k] = vertex.operator().create();
            }
        }
        int last = operators.length - 1;
        outputs[last] = tail;
        for (int k = last - 1; k >= 0; k--) {
            outputs[k] = new ChainedOutput(recordsOut[k], operators[k + 1], spec.inputIndexes()[k + 1], outputs[k + 1]);
        }
    }

    /** Opens the operators from the tail backwards, so each is ready before anything upstream can emit into it. */
    void open(OperatorContext context) throws Exception {
        for (int k = operators.length - 1; k >= 0; k--) {
            if (operators[k] != null) {
                operators[k].open(context);
            }
        }
    }

    Operator operator(int member) {
        return operators[member];
    }

    Output outputOf(int member) {
        return outputs[member];
    }

    TailOutput tail() {
        return tail;
    }

    /** After the head has seen the end of all its inputs: ends the one input of each chained member, in order. */
    void endChainedInputs() throws Exception {
        for (int k = 1; k < operators.length; k++) {
            operators[k].endInput(spec.inputIndexes()[k], outputs[k]);
        }
    }

    /**
     * Closes every operator that was created, whatever happened before, and returns what went wrong: the first
     * exception, with the others suppressed, or null.
     */
    Throwable closeAll() {
        Throwable failure = null;
        for (Operator operator : operators) {
            if (operator == null) {
                continue;
            }
            try {
                operator.close();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        }
        return failure;
    }
}
