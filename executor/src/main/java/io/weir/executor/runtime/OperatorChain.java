package io.weir.executor.runtime;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.CheckpointRestore;
import io.weir.executor.data.Watermark;
import io.weir.executor.graph.JobVertex;

/**
 * The operator instances of one subtask of a {@link ChainSpec}, wired together: member {@code k} emits into
 * {@link #outputOf(int) outputOf(k)}, which calls member {@code k + 1} directly, and the last member emits into
 * the {@link TailOutput}. Member 0 of a source chain is the source, which has no operator here. Each member has
 * its own context, and so its own timers and current watermark. Used by the task thread only.
 */
final class OperatorChain {

    private final ChainSpec spec;
    /** One per member, created by {@link #createOperators()}; null for a source head and for any not created yet. */
    private final Operator[] operators;
    private final Output[] outputs;
    private final TailOutput tail;
    private final TaskOperatorContext[] contexts;
    private final VertexMetrics.Subtask[] metrics;

    OperatorChain(ChainSpec spec, TailOutput tail, TaskOperatorContext[] contexts, VertexMetrics.Subtask[] metrics) {
        this.spec = spec;
        this.tail = tail;
        this.contexts = contexts.clone();
        this.metrics = metrics.clone();
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
            outputs[k] = new ChainedOutput(metrics[k], metrics[k + 1], contexts[k + 1].timers(), operators[k + 1],
                    spec.inputIndexes()[k + 1], outputs[k + 1]);
        }
    }

    /** Opens the operators from the tail backwards, so each is ready before anything upstream can emit into it. */
    void open() throws Exception {
        for (int k = operators.length - 1; k >= 0; k--) {
            if (operators[k] != null) {
                operators[k].open(contexts[k]);
            }
        }
    }

    Operator operator(int member) {
        return operators[member];
    }

    Output outputOf(int member) {
        return outputs[member];
    }

    TaskOperatorContext context(int member) {
        return contexts[member];
    }

    VertexMetrics.Subtask metrics(int member) {
        return metrics[member];
    }

    TailOutput tail() {
        return tail;
    }

    /** True when any member has a processing-time timer pending. */
    boolean hasTimers() {
        for (TaskOperatorContext context : contexts) {
            TimerQueue timers = context.timers().timers();
            if (timers != null && !timers.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The earliest pending timer of any member, or {@link Long#MAX_VALUE}. */
    long earliestTimer() {
        long earliest = Long.MAX_VALUE;
        for (TaskOperatorContext context : contexts) {
            TimerQueue timers = context.timers().timers();
            if (timers != null) {
                earliest = Math.min(earliest, timers.earliest());
            }
        }
        return earliest;
    }

    /**
     * Calls {@code onProcessingTime} for every timer due at {@code now}, member by member from the head, each
     * member's earliest first. Timers an operator registers meanwhile for {@code now} or before wait for the next
     * call, so an operator that re-registers the current time cannot keep the task here forever.
     */
    void fireProcessingTimers(long now) throws Exception {
        for (int k = 0; k < operators.length; k++) {
            TimerQueue timers = contexts[k].timers().timers();
            if (timers == null) {
                continue;
            }
            for (int due = timers.countDue(now); due > 0; due--) {
                operators[k].onProcessingTime(timers.pollEarliest(), outputs[k]);
            }
        }
    }

    /** The job-graph vertex id of each member, head first. */
    int[] vertexIds() {
        int[] ids = new int[operators.length];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = spec.vertices().get(k).id();
        }
        return ids;
    }

    /** The synchronous part of every member's snapshot, head first; null for a member without state (and a source). */
    StateSnapshot[] snapshotState(long checkpointId) throws Exception {
        StateSnapshot[] snapshots = new StateSnapshot[operators.length];
        for (int k = 0; k < operators.length; k++) {
            if (operators[k] != null) {
                snapshots[k] = operators[k].snapshotState(checkpointId);
            }
        }
        return snapshots;
    }

    /**
     * Gives every member its state from {@code restore}, as subtask {@code subtask}; after {@link #open}, before
     * any data. A member the checkpoint holds nothing for gets an empty view.
     */
    void restoreState(CheckpointRestore restore, int subtask) throws Exception {
        for (int k = 0; k < operators.length; k++) {
            JobVertex vertex = spec.vertices().get(k);
            restore.checkVertex(vertex.id(), vertex.name());
            if (operators[k] != null) {
                operators[k].restoreState(restore.stateFor(vertex.id(), subtask, vertex.parallelism()));
            }
        }
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (Operator operator : operators) {
            if (operator != null) {
                operator.notifyCheckpointComplete(checkpointId);
            }
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (Operator operator : operators) {
            if (operator != null) {
                operator.notifyCheckpointAborted(checkpointId);
            }
        }
    }

    /** After the head has seen the end of all its inputs: ends the one input of each chained member, in order. */
    void endChainedInputs() throws Exception {
        endInputsFrom(1);
    }

    /** Ends the one input of each member from {@code first} on, in order. */
    private void endInputsFrom(int first) throws Exception {
        for (int k = first; k < operators.length; k++) {
            operators[k].endInput(spec.inputIndexes()[k], outputs[k]);
        }
    }

    /** The last member that says it is finished ({@link Operator#isFinished}), or -1. */
    int lastFinishedMember() {
        for (int k = operators.length - 1; k >= 0; k--) {
            if (operators[k] != null && operators[k].isFinished()) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Ends what comes after finished member {@code member} as if its input had ended: the event time is complete
     * ({@link Watermark#MAX}) and the inputs of the later members end, in order. The tail's output is left open.
     */
    void endAfter(int member) throws Exception {
        outputs[member].emitWatermark(Watermark.MAX);
        endInputsFrom(member + 1);
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
