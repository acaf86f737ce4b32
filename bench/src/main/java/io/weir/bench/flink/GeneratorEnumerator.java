package io.weir.bench.flink;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands split {@code s} to reader {@code s}, the way Weir's own runtime gives subtask {@code s} its share, so both
 * engines read the same events in the same order per subtask. Runs on Flink's coordinator thread.
 */
final class GeneratorEnumerator implements SplitEnumerator<GeneratorSplit, PendingSplits> {

    private final SplitEnumeratorContext<GeneratorSplit> context;
    private final List<GeneratorSplit> pending;

    GeneratorEnumerator(SplitEnumeratorContext<GeneratorSplit> context, List<GeneratorSplit> pending) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
    }

    @Override
    public void addSplitsBack(List<GeneratorSplit> splits, int subtaskId) {
        pending.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            addReader(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        for (Iterator<GeneratorSplit> it = pending.iterator(); it.hasNext(); ) {
            GeneratorSplit split = it.next();
            if (split.subtask() % context.currentParallelism() == subtaskId) {
                context.assignSplit(split, subtaskId);
                it.remove();
            }
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public PendingSplits snapshotState(long checkpointId) {
        return new PendingSplits(List.copyOf(pending));
    }

    @Override
    public void close() {
    }
}
