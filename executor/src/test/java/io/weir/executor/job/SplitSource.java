package io.weir.executor.job;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unbounded test source the test thread scripts: it pushes rows of one TIMESTAMP(3) column to a split of a
 * subtask, or ends a subtask. Each reader emits one scripted step per poll, in order, and has nothing available
 * otherwise.
 */
final class SplitSource implements SourceFactory {

    static final List<DataType> TIMESTAMPS = List.of(DataType.TIMESTAMP);

    private record Step(int split, long[] timestamps) {
    }

    private static final Step END = new Step(-1, null);

    private final int[] splitCounts;
    private final Queue<Step>[] steps;
    final AtomicInteger closed = new AtomicInteger();

    /** {@code splitCounts[s]}: how many splits subtask {@code s} declares; their number is the parallelism. */
    @SuppressWarnings("unchecked")
    SplitSource(int... splitCounts) {
        this.splitCounts = splitCounts.clone();
        this.steps = new Queue[splitCounts.length];
        for (int s = 0; s < steps.length; s++) {
            steps[s] = new ConcurrentLinkedQueue<>();
        }
    }

    /** Subtask {@code subtask} will emit these timestamps as one chunk of split {@code split}. */
    SplitSource emit(int subtask, int split, long... timestamps) {
        steps[subtask].add(new Step(split, timestamps.clone()));
        return this;
    }

    /** Subtask {@code subtask} will reach the end of its input after what was scripted before. */
    SplitSource end(int subtask) {
        steps[subtask].add(END);
        return this;
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        if (parallelism != steps.length) {
            throw new IllegalArgumentException("Scripted for " + steps.length + " subtasks, run with " + parallelism);
        }
        Queue<Step> script = steps[subtaskIndex];
        int splits = splitCounts[subtaskIndex];
        return new SourceReader() {
            @Override
            public int splitCount() {
                return splits;
            }

            @Override
            public InputStatus pollNext(SourceOutput out) {
                Step step = script.poll();
                if (step == null) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                if (step == END) {
                    return InputStatus.END_OF_INPUT;
                }
                long[] values = step.timestamps();
                out.emit(step.split(), new Chunk(new Vector[] {LongVector.wrap(values)}, values.length));
                return InputStatus.MORE_AVAILABLE;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    @Override
    public boolean isBounded() {
        return false;
    }
}
